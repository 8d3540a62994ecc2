using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Routing;

namespace CommerceBrain.Agents.Grains;

/// <summary>A group queue's persisted state and its rules: ordering, roster bookkeeping, breach records.</summary>
[GenerateSerializer]
[Alias("agents.queue-state")]
public sealed class QueueState
{
    [Id(0)] public Dictionary<string, QueueEntry> Entries { get; set; } = [];
    [Id(1)] public Dictionary<string, RosterMember> Roster { get; set; } = [];
    [Id(2)] public string? LastChosen { get; set; }
    [Id(3)] public long BreachCount { get; set; }
    [Id(4)] public List<SlaBreach> Breaches { get; set; } = [];

    public double Priority(QueueEntry entry, DateTimeOffset now, PriorityWeights weights) =>
        PriorityScore.Compute(now - entry.Session.WaitingSince, entry.Session.Segment, entry.Session.Sentiment,
            entry.Session.OrderValue, entry.Breached, weights);

    /// <summary>Entries, highest priority first (then longest waiting, then session id, so the order is total).</summary>
    public IReadOnlyList<QueueEntry> Ordered(DateTimeOffset now, PriorityWeights weights) =>
        [.. Entries.Values
            .OrderByDescending(e => Priority(e, now, weights))
            .ThenBy(e => e.Session.WaitingSince)
            .ThenBy(e => e.Session.SessionId, StringComparer.Ordinal)];

    public QueueEntryView View(string group, QueueEntry entry, DateTimeOffset now, PriorityWeights weights) =>
        new(entry.Session.SessionId, group, entry.Session.WaitingSince, entry.Session.Summary, Priority(entry, now, weights),
            entry.AssignedTo, entry.Session.Note, entry.Breached, entry.Session.HeldBy);

    /// <summary>The group's agents as the assignment rule sees them.</summary>
    public IEnumerable<RosterAgent> Candidates() =>
        Roster.Values.Where(r => r.InGroup).Select(r => new RosterAgent(r.AgentId, r.Presence == AgentPresence.Online, r.Capacity, r.Load));

    /// <summary>
    /// Takes <paramref name="roster"/> when it is newer than what is known (agents outside the group stay, marked, so
    /// their version is remembered); assignments the agent no longer holds are dropped (it went away, or withdrew).
    /// Returns whether anything changed.
    /// </summary>
    public bool Apply(AgentRoster roster)
    {
        if (Roster.TryGetValue(roster.AgentId, out var known) && known.Version >= roster.Version)
        {
            return false;
        }

        Roster[roster.AgentId] = RosterMember.From(roster);

        foreach (var entry in Entries.Values.Where(e => e.AssignedTo == roster.AgentId && !roster.Assigned.Contains(e.Session.SessionId)))
        {
            entry.AssignedTo = null;
        }

        return true;
    }

    /// <summary>Queues or refreshes <paramref name="session"/>; an existing entry keeps its assignment and breach mark.</summary>
    public QueueEntry Put(QueuedSession session)
    {
        if (Entries.TryGetValue(session.SessionId, out var entry))
        {
            entry.Session = session;
            entry.Breached |= session.Breached;
            return entry;
        }

        entry = new QueueEntry { Session = session, Breached = session.Breached };
        Entries[session.SessionId] = entry;
        return entry;
    }

    public void Record(SlaBreach breach, int kept)
    {
        BreachCount++;
        Breaches.Add(breach);
        if (Breaches.Count > kept)
        {
            Breaches.RemoveRange(0, Breaches.Count - kept);
        }
    }
}
