using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Routing;

namespace CommerceBrain.Agents.Grains;

/// <summary>
/// A group queue's persisted state and its rules: roster bookkeeping and breach records. The entries live in
/// <c>agent_queue_entries</c> (see <see cref="QueueBook"/>), so a change writes only the rows it touches.
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
    [Id(1)] public Dictionary<string, RosterMember> Roster { get; set; } = [];
    [Id(2)] public string? LastChosen { get; set; }
    [Id(3)] public long BreachCount { get; set; }
    [Id(4)] public List<SlaBreach> Breaches { get; set; } = [];

    /// <summary>The group's agents as the assignment rule sees them.</summary>
    public IEnumerable<RosterAgent> Candidates() =>
        Roster.Values.Where(r => r.InGroup).Select(r => new RosterAgent(r.AgentId, r.Presence == AgentPresence.Online, r.Capacity, r.Load));

    /// <summary>Whether some online agent of the group has room (when none has, an assignment round has nothing to do).</summary>
    public bool AnyoneHasRoom() =>
        Roster.Values.Any(r => r.InGroup && r.Presence == AgentPresence.Online && r.Load < r.Capacity);

    /// <summary>
    /// Takes <paramref name="roster"/> when it is newer than what is known (agents outside the group stay, marked, so
    /// their version is remembered). Returns whether anything changed; the caller then drops the assignments the agent
    /// no longer holds (<see cref="QueueBook.Release"/>).
    /// </summary>
    public bool Apply(AgentRoster roster)
    {
        if (Roster.TryGetValue(roster.AgentId, out var known) && known.Version >= roster.Version)
        {
            return false;
        }

        Roster[roster.AgentId] = RosterMember.From(roster);
        return true;
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
