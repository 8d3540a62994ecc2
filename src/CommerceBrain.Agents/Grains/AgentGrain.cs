using CommerceBrain.Agents.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Agents.Grains;

/// <summary>One agent: the authority on its presence and capacity. Tells its groups' queues of every change one-way, so it never waits on a queue (queues wait on agents).</summary>
public sealed class AgentGrain(
    [PersistentState("agents-agent")] IPersistentState<AgentState> state,
    IOptions<AgentsOptions> options,
    ILogger<AgentGrain> logger) : Grain, IAgentGrain
{
    private string AgentId => this.GetPrimaryKeyString();

    public async Task<AgentView> SetPresence(PresenceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Groups is { } groups && groups.FirstOrDefault(g => !SkillGroups.IsKnown(g)) is { } unknown)
        {
            throw new ArgumentException($"Unknown skill group '{unknown}'.", nameof(change));
        }

        if (change.Capacity is < 1 || change.Capacity > options.Value.MaxCapacity)
        {
            throw new ArgumentException($"Capacity must be 1-{options.Value.MaxCapacity}.", nameof(change));
        }

        var s = state.State;
        var before = s.Groups.Union(s.Assigned.Values, StringComparer.Ordinal).ToList();
        s.Presence = change.Presence;
        if (change.Groups is not null)
        {
            s.Groups = [.. change.Groups.Distinct(StringComparer.Ordinal)];
        }

        if (change.Capacity is { } capacity)
        {
            s.Capacity = capacity;
        }
        else if (s.Capacity == 0)
        {
            s.Capacity = options.Value.DefaultCapacity;
        }

        if (s.Presence != AgentPresence.Online)
        {
            // Away or offline: sessions assigned but not attached go back to their queues for someone else.
            s.Assigned.Clear();
        }

        foreach (var left in s.Assigned.Where(a => !s.Groups.Contains(a.Value, StringComparer.Ordinal)).Select(a => a.Key).ToList())
        {
            s.Assigned.Remove(left);
        }

        if (!s.Registered)
        {
            await GrainFactory.GetGrain<IAgentDirectoryGrain>(IAgentDirectoryGrain.Key).Register(AgentId);
            s.Registered = true;
        }

        await Commit(before);
        AgentsLog.PresenceChanged(logger, AgentId, s.Presence.ToString(), string.Join(',', s.Groups), s.Capacity);
        return s.View(AgentId);
    }

    public Task<AgentView> View() => Task.FromResult(state.State.View(AgentId));

    public Task<AgentRoster> RosterFor(string group) => Task.FromResult(state.State.Roster(AgentId, group));

    public async Task<AssignmentReply> Offer(string sessionId, string group, bool named)
    {
        var s = state.State;
        if (!s.CanTake(sessionId, group, named))
        {
            return new AssignmentReply(false, s.Roster(AgentId, group));
        }

        if (!s.Active.Contains(sessionId) && !s.Assigned.ContainsKey(sessionId))
        {
            s.Assigned[sessionId] = group;
            await Commit();
        }

        return new AssignmentReply(true, s.Roster(AgentId, group));
    }

    public async Task Withdraw(string sessionId)
    {
        if (state.State.Assigned.Remove(sessionId))
        {
            await Commit();
        }
    }

    public async Task Attached(string sessionId)
    {
        var s = state.State;
        var changed = s.Assigned.Remove(sessionId);
        changed |= s.Active.Add(sessionId);
        if (changed)
        {
            await Commit();
        }
    }

    public async Task Detached(string sessionId, TimeSpan handled, int? rating)
    {
        var s = state.State;
        var wasActive = s.Active.Remove(sessionId);
        var wasAssigned = s.Assigned.Remove(sessionId);
        if (wasActive)
        {
            s.Handled++;
            s.HandleSeconds += Math.Max(0, handled.TotalSeconds);
            if (rating is >= 1 and <= 5)
            {
                s.Ratings++;
                s.RatingSum += rating.Value;
            }
        }

        if (wasActive || wasAssigned)
        {
            await Commit();
        }
    }

    /// <summary>
    /// Persists, then tells every queue concerned: the agent's groups, the groups of sessions assigned to it (a transfer
    /// from another group) and <paramref name="formerGroups"/>.
    /// </summary>
    private async Task Commit(IEnumerable<string>? formerGroups = null)
    {
        var s = state.State;
        s.Version++;
        await state.WriteStateAsync();
        foreach (var group in s.Groups.Union(s.Assigned.Values, StringComparer.Ordinal).Union(formerGroups ?? [], StringComparer.Ordinal))
        {
            // One-way: returns at once, so a queue that is calling this agent cannot deadlock with it.
            await GrainFactory.GetGrain<IAgentQueueGrain>(group).Roster(s.Roster(AgentId, group));
        }
    }
}
