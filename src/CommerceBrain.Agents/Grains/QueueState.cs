using CommerceBrain.Agents.Contracts;

namespace CommerceBrain.Agents.Grains;

/// <summary>
/// A group queue's persisted state: the breach records and the agent chosen last, written only on a breach. The entries
/// live in <c>agent_queue_entries</c> (see <see cref="QueueBook"/>), so a change writes only the rows it touches; the
/// roster is not stored at all (<see cref="QueueRoster"/>: a cache of the agents' own state, rebuilt on activation).
/// </summary>
[GenerateSerializer]
[Alias("agents.queue-state")]
public sealed class QueueState
{
    /// <summary>
    /// Entries from before they moved to <c>agent_queue_entries</c>: read once on activation, written to the table and
    /// cleared. Nothing adds to it any more.
    /// </summary>
    [Id(0)] public Dictionary<string, QueueEntry> Entries { get; set; } = [];

    /// <summary>
    /// The roster as stored before it became a cache (<see cref="QueueRoster"/>): its agents are asked on activation
    /// (with the directory's) and it is cleared. Nothing adds to it any more.
    /// </summary>
    [Id(1)] public Dictionary<string, RosterMember> Roster { get; set; } = [];
    [Id(2)] public string? LastChosen { get; set; }
    [Id(3)] public long BreachCount { get; set; }
    [Id(4)] public List<SlaBreach> Breaches { get; set; } = [];

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
