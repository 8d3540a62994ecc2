using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Agents.Grains;

/// <summary>
/// One group's queue. After every change it offers unassigned sessions, highest priority first, to the agent the
/// round-robin rule picks; the agent accepts or refuses (it is the authority on its capacity), and its reply updates
/// the roster, so a stale roster costs at most a refused offer.
/// </summary>
public sealed class AgentQueueGrain(
    [PersistentState("agents-queue")] IPersistentState<QueueState> state,
    IOptions<AgentsOptions> options,
    TimeProvider clock,
    ILogger<AgentQueueGrain> logger) : Grain, IAgentQueueGrain
{
    private string Group => this.GetPrimaryKeyString();

    private PriorityWeights Weights => options.Value.Priority;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        SkillGroups.IsKnown(Group)
            ? base.OnActivateAsync(cancellationToken)
            : throw new ArgumentException($"Unknown skill group '{Group}'.");

    public async Task<QueueEntryView> Enqueue(QueuedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var fresh = !state.State.Entries.ContainsKey(session.SessionId);
        var entry = state.State.Put(session);
        await state.WriteStateAsync();
        if (fresh)
        {
            AgentsTelemetry.Enqueued.Add(1, new KeyValuePair<string, object?>("group", Group));
            AgentsLog.Enqueued(logger, session.SessionId, Group);
        }

        await AssignWaiting();
        return state.State.View(Group, entry, clock.GetUtcNow(), Weights);
    }

    public async Task<QueueEntryView?> Remove(string sessionId, string? attachedBy)
    {
        if (!state.State.Entries.Remove(sessionId, out var entry))
        {
            return null;
        }

        await state.WriteStateAsync();
        if (entry.AssignedTo is { } assigned && assigned != attachedBy)
        {
            await GrainFactory.GetGrain<IAgentGrain>(assigned).Withdraw(sessionId);
        }

        return state.State.View(Group, entry, clock.GetUtcNow(), Weights);
    }

    public async Task<QueueEntryView> Breach(SlaBreach breach, QueuedSession session)
    {
        ArgumentNullException.ThrowIfNull(breach);
        ArgumentNullException.ThrowIfNull(session);
        var s = state.State;
        s.Record(breach, options.Value.BreachesKept);
        var entry = s.Put(session with { Breached = true });
        var withdrawn = entry.AssignedTo;
        if (withdrawn is not null)
        {
            // The assigned agent let the clock run out: the session goes to someone else.
            entry.Excluded.Add(withdrawn);
            entry.AssignedTo = null;
        }

        await state.WriteStateAsync();
        if (withdrawn is not null)
        {
            await GrainFactory.GetGrain<IAgentGrain>(withdrawn).Withdraw(session.SessionId);
        }

        await AssignWaiting();
        return s.View(Group, entry, clock.GetUtcNow(), Weights);
    }

    public async Task<PickOutcome> Pick(string agentId, string sessionId)
    {
        if (!state.State.Entries.TryGetValue(sessionId, out var entry))
        {
            return PickOutcome.NotWaiting;
        }

        if (entry.AssignedTo == agentId)
        {
            return PickOutcome.Assigned;
        }

        var agent = GrainFactory.GetGrain<IAgentGrain>(agentId);
        var view = await agent.View();
        if (!view.Groups.Contains(Group, StringComparer.Ordinal))
        {
            return PickOutcome.NotInGroup;
        }

        var reply = await agent.Offer(sessionId, Group, named: false);
        state.State.Apply(reply.Roster);
        if (!reply.Accepted || !state.State.Entries.TryGetValue(sessionId, out entry))
        {
            if (reply.Accepted)
            {
                // Removed while the agent was asked: give the assignment back.
                await agent.Withdraw(sessionId);
                return PickOutcome.NotWaiting;
            }

            await state.WriteStateAsync();
            return PickOutcome.Unavailable;
        }

        var previous = entry.AssignedTo;
        entry.AssignedTo = agentId;
        await state.WriteStateAsync();
        if (previous is not null)
        {
            await GrainFactory.GetGrain<IAgentGrain>(previous).Withdraw(sessionId);
        }

        Assigned(sessionId, agentId, "picked");
        return PickOutcome.Assigned;
    }

    public async Task Roster(AgentRoster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        if (state.State.Apply(roster))
        {
            await state.WriteStateAsync();
            await AssignWaiting();
        }
    }

    public Task<QueueEntryView?> Entry(string sessionId) =>
        Task.FromResult(state.State.Entries.TryGetValue(sessionId, out var entry)
            ? state.State.View(Group, entry, clock.GetUtcNow(), Weights)
            : null);

    public Task<QueueSnapshot> Snapshot()
    {
        var s = state.State;
        var now = clock.GetUtcNow();
        return Task.FromResult(new QueueSnapshot(Group, [.. s.Ordered(now, Weights).Select(e => s.View(Group, e, now, Weights))],
            s.BreachCount, [.. s.Breaches], [.. s.Roster.Values.Where(r => r.InGroup).Select(r => r.AgentId).Order(StringComparer.Ordinal)]));
    }

    /// <summary>Offers every unassigned session (not held by an attached agent), highest priority first, until nobody has room.</summary>
    private async Task AssignWaiting()
    {
        var s = state.State;
        var changed = false;
        foreach (var entry in s.Ordered(clock.GetUtcNow(), Weights))
        {
            if (entry.AssignedTo is not null || entry.Session.HeldBy is not null || !s.Entries.ContainsKey(entry.Session.SessionId))
            {
                continue;
            }

            var refused = new HashSet<string>(entry.Excluded, StringComparer.Ordinal);
            if (entry.Session.AssignTo is { } target && !refused.Contains(target))
            {
                // A transfer to a named agent: that agent first; if it cannot take it, the group's rule applies.
                changed |= await TryOffer(entry, target, refused, named: true);
            }

            while (entry.AssignedTo is null && RoundRobin.Choose(s.Candidates(), s.LastChosen, refused) is { } agentId)
            {
                changed |= await TryOffer(entry, agentId, refused, named: false);
            }

            if (entry.AssignedTo is null && !s.Candidates().Any(a => a.Online && a.Load < a.Capacity))
            {
                break;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    private async Task<bool> TryOffer(QueueEntry entry, string agentId, HashSet<string> refused, bool named)
    {
        var sessionId = entry.Session.SessionId;
        var reply = await GrainFactory.GetGrain<IAgentGrain>(agentId).Offer(sessionId, Group, named);
        var s = state.State;
        s.Apply(reply.Roster);
        if (!reply.Accepted)
        {
            refused.Add(agentId);
            return true;
        }

        if (!s.Entries.ContainsKey(sessionId))
        {
            await GrainFactory.GetGrain<IAgentGrain>(agentId).Withdraw(sessionId);
            return true;
        }

        entry.AssignedTo = agentId;
        if (!named)
        {
            s.LastChosen = agentId;
        }

        Assigned(sessionId, agentId, named ? "transfer" : "automatic");
        return true;
    }

    private void Assigned(string sessionId, string agentId, string how)
    {
        AgentsTelemetry.Assigned.Add(1, new KeyValuePair<string, object?>("group", Group));
        AgentsLog.Assigned(logger, sessionId, Group, agentId, how);
    }
}
