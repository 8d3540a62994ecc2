using Orleans.Concurrency;

namespace CommerceBrain.Agents.Contracts;

/// <summary>
/// One skill group's queue, keyed by the group name: waiting sessions by priority, the group's agents (their roster),
/// automatic assignment (round robin among the least loaded online agents with room) and manual picks.
/// </summary>
[Alias("agents.queue")]
public interface IAgentQueueGrain : IGrainWithStringKey
{
    /// <summary>Queues (or updates) <paramref name="session"/>; idempotent by session id. Returns the entry after assignment.</summary>
    [Alias("enqueue")]
    Task<QueueEntryView> Enqueue(QueuedSession session);

    /// <summary>Takes <paramref name="sessionId"/> out (attached, released, closed); an agent it was assigned to other than <paramref name="attachedBy"/> gets it withdrawn.</summary>
    [Alias("remove")]
    Task<QueueEntryView?> Remove(string sessionId, string? attachedBy);

    /// <summary>Records <paramref name="breach"/> and moves the session to the front (queuing it from <paramref name="session"/> when it is not waiting).</summary>
    [Alias("breach")]
    Task<QueueEntryView> Breach(SlaBreach breach, QueuedSession session);

    /// <summary>Assigns <paramref name="sessionId"/> to <paramref name="agentId"/> (a manual pick).</summary>
    [Alias("pick")]
    Task<PickOutcome> Pick(string agentId, string sessionId);

    /// <summary>An agent's presence, capacity or load changed (one-way: agents never wait on queues).</summary>
    [OneWay]
    [Alias("roster")]
    Task Roster(AgentRoster roster);

    /// <summary>The entry for <paramref name="sessionId"/>; null when it is not waiting here.</summary>
    [ReadOnly]
    [Alias("entry")]
    Task<QueueEntryView?> Entry(string sessionId);

    /// <summary>
    /// What <paramref name="agentId"/> sees: every entry assigned to it, then at most <paramref name="limit"/> unassigned
    /// entries by priority (a bounded read, however long the queue).
    /// </summary>
    [ReadOnly]
    [Alias("for-agent")]
    Task<IReadOnlyList<QueueEntryView>> ForAgent(string agentId, int limit);

    /// <summary>Counts, the longest wait, the breaches and the roster, without listing the entries (the supervisor view).</summary>
    [ReadOnly]
    [Alias("summary")]
    Task<QueueSummary> Summary();

    /// <summary>Every waiting session by priority, the breaches and the roster.</summary>
    [ReadOnly]
    [Alias("snapshot")]
    Task<QueueSnapshot> Snapshot();
}
