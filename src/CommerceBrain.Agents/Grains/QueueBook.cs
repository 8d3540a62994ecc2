using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Routing;

namespace CommerceBrain.Agents.Grains;

/// <summary>
/// A group queue's entries in memory (persisted per entry in <c>agent_queue_entries</c>, not in the grain state) and
/// their rules: ordering, views, dropping assignments an agent no longer holds.
/// </summary>
public sealed class QueueBook
{
    public Dictionary<string, QueueEntry> Entries { get; } = new(StringComparer.Ordinal);

    public static double Priority(QueueEntry entry, DateTimeOffset now, PriorityWeights weights) =>
        PriorityScore.Compute(now - entry.Session.WaitingSince, entry.Session.Segment, entry.Session.Sentiment,
            entry.Session.OrderValue, entry.Breached, weights);

    /// <summary>Entries, highest priority first (then longest waiting, then session id, so the order is total).</summary>
    public IReadOnlyList<QueueEntry> Ordered(DateTimeOffset now, PriorityWeights weights) => Top(Entries.Values, now, weights, int.MaxValue);

    /// <summary>
    /// The first <paramref name="limit"/> of <paramref name="entries"/> in queue order; a bounded read (LINQ sorts
    /// only as far as the take needs).
    /// </summary>
    public static IReadOnlyList<QueueEntry> Top(IEnumerable<QueueEntry> entries, DateTimeOffset now, PriorityWeights weights, int limit) =>
        [.. entries
            .Select(e => (Entry: e, Priority: Priority(e, now, weights)))
            .OrderByDescending(p => p.Priority)
            .ThenBy(p => p.Entry.Session.WaitingSince)
            .ThenBy(p => p.Entry.Session.SessionId, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => p.Entry)];

    public static QueueEntryView View(string group, QueueEntry entry, DateTimeOffset now, PriorityWeights weights) =>
        new(entry.Session.SessionId, group, entry.Session.WaitingSince, entry.Session.Summary, Priority(entry, now, weights),
            entry.AssignedTo, entry.Session.Note, entry.Breached, entry.Session.HeldBy);

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

    /// <summary>
    /// Drops the assignments to <paramref name="roster"/>'s agent that it no longer holds (it went away, or withdrew);
    /// returns the entries changed.
    /// </summary>
    public List<QueueEntry> Release(AgentRoster roster)
    {
        var released = Entries.Values.Where(e => e.AssignedTo == roster.AgentId && !roster.Assigned.Contains(e.Session.SessionId)).ToList();
        foreach (var entry in released)
        {
            entry.AssignedTo = null;
        }

        return released;
    }
}
