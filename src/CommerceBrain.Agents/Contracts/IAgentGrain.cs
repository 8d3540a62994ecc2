using Orleans.Concurrency;

namespace CommerceBrain.Agents.Contracts;

/// <summary>
/// One agent, keyed by the agent id (the token subject): presence, groups, capacity and the sessions held. The authority
/// on capacity: queues propose assignments, the agent accepts them only when online and under capacity.
/// </summary>
[Alias("agents.agent")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Sets presence (and groups and capacity when given); groups must be known, capacity positive.</summary>
    [Alias("set-presence")]
    Task<AgentView> SetPresence(PresenceChange change);

    /// <summary>The agent now.</summary>
    [ReadOnly]
    [Alias("view")]
    Task<AgentView> View();

    /// <summary>
    /// What the agent tells <paramref name="group"/>'s queue (the same as its one-way roster update): a queue asks on
    /// activation to rebuild its roster, which it does not store.
    /// </summary>
    [ReadOnly]
    [Alias("roster-for")]
    Task<AgentRoster> RosterFor(string group);

    /// <summary>
    /// Takes <paramref name="sessionId"/> waiting in <paramref name="group"/> as assigned; refused unless online, under
    /// capacity and in the group. A session <paramref name="named"/> for this agent (a transfer to the agent) may come
    /// from any group.
    /// </summary>
    [Alias("offer")]
    Task<AssignmentReply> Offer(string sessionId, string group, bool named);

    /// <summary>Drops an assignment that was not attached (someone else attached, a breach moved it on, the customer left).</summary>
    [Alias("withdraw")]
    Task Withdraw(string sessionId);

    /// <summary>The agent attached to <paramref name="sessionId"/>: it counts as active (an assignment of it becomes active).</summary>
    [Alias("attached")]
    Task Attached(string sessionId);

    /// <summary>
    /// The agent no longer holds <paramref name="sessionId"/> (transferred, released, resolved, closed) after
    /// <paramref name="handled"/>; <paramref name="rating"/> is the customer's satisfaction (1-5) when given.
    /// </summary>
    [Alias("detached")]
    Task Detached(string sessionId, TimeSpan handled, int? rating);
}
