using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Routing;
using CommerceBrain.Agents.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Agents.Grains;

/// <summary>
/// One group's queue. After every change it offers unassigned sessions, highest priority first, to the agent the
/// round-robin rule picks; the agent accepts or refuses (it is the authority on its capacity), and its reply updates
/// the roster, so a stale roster costs at most a refused offer. Entries are stored one row each
/// (<see cref="QueueEntryStore"/>): a change writes the rows it touched, committed before the call returns; the roster,
/// breach records and last chosen agent stay in the (small) grain state.
/// </summary>
public sealed class AgentQueueGrain(
    [PersistentState("agents-queue")] IPersistentState<QueueState> state,
    QueueEntryStore store,
    IOptions<AgentsOptions> options,
    TimeProvider clock,
    ILogger<AgentQueueGrain> logger) : Grain, IAgentQueueGrain
{
    private readonly QueueBook book = new();

    private string Group => this.GetPrimaryKeyString();

    private PriorityWeights Weights => options.Value.Priority;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!SkillGroups.IsKnown(Group))
        {
            throw new ArgumentException($"Unknown skill group '{Group}'.");
        }

        foreach (var entry in await store.LoadAsync(Group, cancellationToken))
        {
            book.Entries[entry.Session.SessionId] = entry;
        }

        if (state.State.Entries.Count > 0)
        {
            // A state from before entries had their table: move them there once (rows already there are newer).
            var moved = state.State.Entries.Values.Where(e => !book.Entries.ContainsKey(e.Session.SessionId)).ToList();
            await store.WriteAsync(Group, moved, [], cancellationToken);
            foreach (var entry in moved)
            {
                book.Entries[entry.Session.SessionId] = entry;
            }

            state.State.Entries = [];
            await state.WriteStateAsync(cancellationToken);
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<QueueEntryView> Enqueue(QueuedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var fresh = !book.Entries.ContainsKey(session.SessionId);
        var entry = book.Put(session);
        await store.WriteAsync(Group, [entry], []);
        if (fresh)
        {
            AgentsTelemetry.Enqueued.Add(1, new KeyValuePair<string, object?>("group", Group));
            AgentsLog.Enqueued(logger, session.SessionId, Group);
        }

        await AssignWaiting();
        return QueueBook.View(Group, entry, clock.GetUtcNow(), Weights);
    }

    public async Task<QueueEntryView?> Remove(string sessionId, string? attachedBy)
    {
        if (!book.Entries.Remove(sessionId, out var entry))
        {
            return null;
        }

        await store.WriteAsync(Group, [], [sessionId]);
        if (entry.AssignedTo is { } assigned && assigned != attachedBy)
        {
            await GrainFactory.GetGrain<IAgentGrain>(assigned).Withdraw(sessionId);
        }

        return QueueBook.View(Group, entry, clock.GetUtcNow(), Weights);
    }

    public async Task<QueueEntryView> Breach(SlaBreach breach, QueuedSession session)
    {
        ArgumentNullException.ThrowIfNull(breach);
        ArgumentNullException.ThrowIfNull(session);
        state.State.Record(breach, options.Value.BreachesKept);
        var entry = book.Put(session with { Breached = true });
        var withdrawn = entry.AssignedTo;
        if (withdrawn is not null)
        {
            // The assigned agent let the clock run out: the session goes to someone else.
            entry.Excluded.Add(withdrawn);
            entry.AssignedTo = null;
        }

        await store.WriteAsync(Group, [entry], []);
        await state.WriteStateAsync();
        if (withdrawn is not null)
        {
            await GrainFactory.GetGrain<IAgentGrain>(withdrawn).Withdraw(session.SessionId);
        }

        await AssignWaiting();
        return QueueBook.View(Group, entry, clock.GetUtcNow(), Weights);
    }

    public async Task<PickOutcome> Pick(string agentId, string sessionId)
    {
        if (!book.Entries.TryGetValue(sessionId, out var entry))
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
        var touched = new Dictionary<string, QueueEntry>(StringComparer.Ordinal);
        var rosterChanged = ApplyRoster(reply.Roster, touched);
        if (!reply.Accepted || !book.Entries.TryGetValue(sessionId, out entry))
        {
            if (reply.Accepted)
            {
                // Removed while the agent was asked: give the assignment back.
                await Save(touched, rosterChanged);
                await agent.Withdraw(sessionId);
                return PickOutcome.NotWaiting;
            }

            await Save(touched, rosterChanged);
            return PickOutcome.Unavailable;
        }

        var previous = entry.AssignedTo;
        entry.AssignedTo = agentId;
        touched[sessionId] = entry;
        await Save(touched, rosterChanged);
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
        var touched = new Dictionary<string, QueueEntry>(StringComparer.Ordinal);
        if (ApplyRoster(roster, touched))
        {
            await Save(touched, stateChanged: true);
            await AssignWaiting();
        }
    }

    public Task<QueueEntryView?> Entry(string sessionId) =>
        Task.FromResult(book.Entries.TryGetValue(sessionId, out var entry)
            ? QueueBook.View(Group, entry, clock.GetUtcNow(), Weights)
            : null);

    public Task<IReadOnlyList<QueueEntryView>> ForAgent(string agentId, int limit)
    {
        var now = clock.GetUtcNow();
        var mine = book.Entries.Values.Where(e => e.AssignedTo == agentId);
        var waiting = QueueBook.Top(book.Entries.Values.Where(e => e.AssignedTo is null), now, Weights, Math.Max(0, limit));
        return Task.FromResult<IReadOnlyList<QueueEntryView>>([.. QueueBook.Top(mine, now, Weights, int.MaxValue).Concat(waiting)
            .Select(e => QueueBook.View(Group, e, now, Weights))]);
    }

    public Task<QueueSummary> Summary()
    {
        var s = state.State;
        var assigned = 0;
        DateTimeOffset? oldest = null;
        foreach (var entry in book.Entries.Values)
        {
            assigned += entry.AssignedTo is null ? 0 : 1;
            if (oldest is null || entry.Session.WaitingSince < oldest)
            {
                oldest = entry.Session.WaitingSince;
            }
        }

        return Task.FromResult(new QueueSummary(Group, book.Entries.Count, assigned, oldest, s.BreachCount, [.. s.Breaches], Agents()));
    }

    public Task<QueueSnapshot> Snapshot()
    {
        var s = state.State;
        var now = clock.GetUtcNow();
        return Task.FromResult(new QueueSnapshot(Group, [.. book.Ordered(now, Weights).Select(e => QueueBook.View(Group, e, now, Weights))],
            s.BreachCount, [.. s.Breaches], Agents()));
    }

    private string[] Agents() => [.. state.State.Roster.Values.Where(r => r.InGroup).Select(r => r.AgentId).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Offers every unassigned session (not held by an attached agent), highest priority first, until nobody has room;
    /// then writes the entries it assigned (one row each, one transaction) and the state once.
    /// </summary>
    private async Task AssignWaiting()
    {
        var s = state.State;
        if (!s.AnyoneHasRoom())
        {
            return;
        }

        var touched = new Dictionary<string, QueueEntry>(StringComparer.Ordinal);
        var stateChanged = false;
        try
        {
            foreach (var entry in book.Ordered(clock.GetUtcNow(), Weights))
            {
                if (entry.AssignedTo is not null || entry.Session.HeldBy is not null || !book.Entries.ContainsKey(entry.Session.SessionId))
                {
                    continue;
                }

                var refused = new HashSet<string>(entry.Excluded, StringComparer.Ordinal);
                if (entry.Session.AssignTo is { } target && !refused.Contains(target))
                {
                    // A transfer to a named agent: that agent first; if it cannot take it, the group's rule applies.
                    stateChanged |= await TryOffer(entry, target, refused, named: true, touched);
                }

                while (entry.AssignedTo is null && RoundRobin.Choose(s.Candidates(), s.LastChosen, refused) is { } agentId)
                {
                    stateChanged |= await TryOffer(entry, agentId, refused, named: false, touched);
                }

                if (entry.AssignedTo is null && !s.AnyoneHasRoom())
                {
                    break;
                }
            }
        }
        finally
        {
            // Also after a failed offer: the assignments agents accepted so far must be on record.
            await Save(touched, stateChanged);
        }
    }

    private async Task<bool> TryOffer(QueueEntry entry, string agentId, HashSet<string> refused, bool named, Dictionary<string, QueueEntry> touched)
    {
        var sessionId = entry.Session.SessionId;
        var reply = await GrainFactory.GetGrain<IAgentGrain>(agentId).Offer(sessionId, Group, named);
        var changed = ApplyRoster(reply.Roster, touched);
        if (!reply.Accepted)
        {
            refused.Add(agentId);
            return changed;
        }

        if (!book.Entries.ContainsKey(sessionId))
        {
            await GrainFactory.GetGrain<IAgentGrain>(agentId).Withdraw(sessionId);
            return changed;
        }

        entry.AssignedTo = agentId;
        touched[sessionId] = entry;
        if (!named)
        {
            state.State.LastChosen = agentId;
        }

        Assigned(sessionId, agentId, named ? "transfer" : "automatic");
        return true;
    }

    /// <summary>Takes a newer roster and drops the assignments it no longer holds (recorded in <paramref name="touched"/>); returns whether the state changed.</summary>
    private bool ApplyRoster(AgentRoster roster, Dictionary<string, QueueEntry> touched)
    {
        if (!state.State.Apply(roster))
        {
            return false;
        }

        foreach (var entry in book.Release(roster))
        {
            touched[entry.Session.SessionId] = entry;
        }

        return true;
    }

    /// <summary>Writes the touched entries that are still queued (removed ones were deleted when removed) and, if changed, the state.</summary>
    private async Task Save(Dictionary<string, QueueEntry> touched, bool stateChanged)
    {
        var upserts = touched.Values.Where(e => book.Entries.TryGetValue(e.Session.SessionId, out var current) && ReferenceEquals(current, e)).ToList();
        await store.WriteAsync(Group, upserts, []);
        if (stateChanged)
        {
            await state.WriteStateAsync();
        }
    }

    private void Assigned(string sessionId, string agentId, string how)
    {
        AgentsTelemetry.Assigned.Add(1, new KeyValuePair<string, object?>("group", Group));
        AgentsLog.Assigned(logger, sessionId, Group, agentId, how);
    }
}
