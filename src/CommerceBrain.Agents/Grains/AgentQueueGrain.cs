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
/// (<see cref="QueueEntryStore"/>): a change writes the rows it touched, committed before the call returns. The roster
/// is not stored (<see cref="QueueRoster"/>, rebuilt from the agents on activation); the (small) grain state holds the
/// breach records and is written only on a breach.
/// </summary>
public sealed class AgentQueueGrain(
    [PersistentState("agents-queue")] IPersistentState<QueueState> state,
    QueueEntryStore store,
    IOptions<AgentsOptions> options,
    TimeProvider clock,
    ILogger<AgentQueueGrain> logger) : Grain, IAgentQueueGrain
{
    private readonly QueueBook book = new();

    private readonly QueueRoster roster = new();

    // The agent chosen last: rotation among ties only, so kept in memory (stored along with a breach, read on activation).
    private string? lastChosen;

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

        lastChosen = state.State.LastChosen;
        await RebuildRoster(cancellationToken);
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
        state.State.LastChosen = lastChosen;
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
        ApplyRoster(reply.Roster, touched);
        if (!reply.Accepted || !book.Entries.TryGetValue(sessionId, out entry))
        {
            if (reply.Accepted)
            {
                // Removed while the agent was asked: give the assignment back.
                await Save(touched);
                await agent.Withdraw(sessionId);
                return PickOutcome.NotWaiting;
            }

            await Save(touched);
            return PickOutcome.Unavailable;
        }

        var previous = entry.AssignedTo;
        entry.AssignedTo = agentId;
        touched[sessionId] = entry;
        await Save(touched);
        if (previous is not null)
        {
            await GrainFactory.GetGrain<IAgentGrain>(previous).Withdraw(sessionId);
        }

        Assigned(sessionId, agentId, "picked");
        return PickOutcome.Assigned;
    }

    public async Task Roster(AgentRoster update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var touched = new Dictionary<string, QueueEntry>(StringComparer.Ordinal);
        if (ApplyRoster(update, touched))
        {
            await Save(touched);
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

    private string[] Agents() => roster.Agents();

    /// <summary>
    /// Asks every agent that may concern this group (the directory's, plus a roster stored by an older version) for its
    /// roster, drops the assignments they no longer hold, and clears a stored roster. An agent that does not answer is
    /// left out until its next change reaches the queue (it is the authority on capacity, so nothing is over-assigned).
    /// </summary>
    private async Task RebuildRoster(CancellationToken cancellationToken)
    {
        var agentIds = new HashSet<string>(await GrainFactory.GetGrain<IAgentDirectoryGrain>(IAgentDirectoryGrain.Key).List(), StringComparer.Ordinal);
        agentIds.UnionWith(state.State.Roster.Keys);
        var holding = book.Entries.Values.Select(e => e.AssignedTo).OfType<string>().ToHashSet(StringComparer.Ordinal);
        agentIds.UnionWith(holding);
        var touched = new Dictionary<string, QueueEntry>(StringComparer.Ordinal);
        foreach (var batch in agentIds.Order(StringComparer.Ordinal).Chunk(64))
        {
            var asked = batch.Select(async id =>
            {
                try
                {
                    return await GrainFactory.GetGrain<IAgentGrain>(id).RosterFor(Group);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    AgentsLog.RosterAgentUnavailable(logger, Group, id, e);
                    return null;
                }
            });
            foreach (var answer in await Task.WhenAll(asked))
            {
                if (answer is not null && (answer.InGroup || answer.Assigned.Count > 0 || holding.Contains(answer.AgentId)))
                {
                    ApplyRoster(answer, touched);
                }
            }
        }

        await store.WriteAsync(Group, [.. touched.Values], [], cancellationToken);
        if (state.State.Roster.Count > 0)
        {
            state.State.Roster = [];
            await state.WriteStateAsync(cancellationToken);
        }

        AgentsLog.RosterRebuilt(logger, Group, agentIds.Count, roster.Count, touched.Count);
    }

    /// <summary>
    /// Offers every unassigned session (not held by an attached agent), highest priority first, until nobody has room;
    /// then writes the entries it assigned (one row each, one transaction) and the state once.
    /// </summary>
    private async Task AssignWaiting()
    {
        if (!roster.AnyoneHasRoom())
        {
            return;
        }

        var touched = new Dictionary<string, QueueEntry>(StringComparer.Ordinal);
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
                    await TryOffer(entry, target, refused, named: true, touched);
                }

                while (entry.AssignedTo is null && roster.Choose(lastChosen, refused) is { } agentId)
                {
                    await TryOffer(entry, agentId, refused, named: false, touched);
                }

                if (entry.AssignedTo is null && !roster.AnyoneHasRoom())
                {
                    break;
                }
            }
        }
        finally
        {
            // Also after a failed offer: the assignments agents accepted so far must be on record.
            await Save(touched);
        }
    }

    private async Task TryOffer(QueueEntry entry, string agentId, HashSet<string> refused, bool named, Dictionary<string, QueueEntry> touched)
    {
        var sessionId = entry.Session.SessionId;
        var reply = await GrainFactory.GetGrain<IAgentGrain>(agentId).Offer(sessionId, Group, named);
        ApplyRoster(reply.Roster, touched);
        if (!reply.Accepted)
        {
            refused.Add(agentId);
            return;
        }

        if (!book.Entries.ContainsKey(sessionId))
        {
            await GrainFactory.GetGrain<IAgentGrain>(agentId).Withdraw(sessionId);
            return;
        }

        entry.AssignedTo = agentId;
        touched[sessionId] = entry;
        if (!named)
        {
            lastChosen = agentId;
        }

        Assigned(sessionId, agentId, named ? "transfer" : "automatic");
    }

    /// <summary>Takes a newer roster (in memory only) and drops the assignments it no longer holds (recorded in <paramref name="touched"/>); returns whether it was newer.</summary>
    private bool ApplyRoster(AgentRoster update, Dictionary<string, QueueEntry> touched)
    {
        if (!roster.Apply(update))
        {
            return false;
        }

        foreach (var entry in book.Release(update))
        {
            touched[entry.Session.SessionId] = entry;
        }

        return true;
    }

    /// <summary>Writes the touched entries that are still queued (removed ones were deleted when removed).</summary>
    private async Task Save(Dictionary<string, QueueEntry> touched)
    {
        var upserts = touched.Values.Where(e => book.Entries.TryGetValue(e.Session.SessionId, out var current) && ReferenceEquals(current, e)).ToList();
        await store.WriteAsync(Group, upserts, []);
    }

    private void Assigned(string sessionId, string agentId, string how)
    {
        AgentsTelemetry.Assigned.Add(1, new KeyValuePair<string, object?>("group", Group));
        AgentsLog.Assigned(logger, sessionId, Group, agentId, how);
    }
}
