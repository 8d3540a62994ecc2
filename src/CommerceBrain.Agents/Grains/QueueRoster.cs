using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Routing;

namespace CommerceBrain.Agents.Grains;

/// <summary>
/// A group queue's roster: a cache of what its agents told it (each <see cref="IAgentGrain"/> is the authority on its
/// presence, capacity and load), never persisted; the queue rebuilds it from the agents on activation. Online group
/// members with room are also kept sorted by (load, id), so the round-robin choice is a binary search, not a scan.
/// </summary>
public sealed class QueueRoster
{
    private static readonly Comparer<(int Load, string AgentId)> ByLoadThenId = Comparer<(int Load, string AgentId)>.Create((a, b) =>
        a.Load != b.Load ? a.Load.CompareTo(b.Load) : string.CompareOrdinal(a.AgentId, b.AgentId));

    private readonly Dictionary<string, RosterMember> members = new(StringComparer.Ordinal);

    // Sorted by ByLoadThenId; inserting or removing moves a contiguous block (cheap), finding is a binary search.
    private readonly List<(int Load, string AgentId)> withRoom = [];

    public int Count => members.Count;

    public RosterMember? this[string agentId] => members.GetValueOrDefault(agentId);

    /// <summary>
    /// Takes <paramref name="roster"/> when it is newer than what is known (agents outside the group stay, marked, so
    /// their version is remembered). Returns whether anything changed; the caller then drops the assignments the agent
    /// no longer holds (<see cref="QueueBook.Release"/>).
    /// </summary>
    public bool Apply(AgentRoster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        if (members.TryGetValue(roster.AgentId, out var known))
        {
            if (known.Version >= roster.Version)
            {
                return false;
            }

            Unlist(known);
        }

        var member = RosterMember.From(roster);
        members[roster.AgentId] = member;
        if (HasRoom(member))
        {
            var key = (member.Load, member.AgentId);
            var at = withRoom.BinarySearch(key, ByLoadThenId);
            withRoom.Insert(at < 0 ? ~at : at, key);
        }

        return true;
    }

    /// <summary>Whether some online agent of the group has room (when none has, an assignment round has nothing to do).</summary>
    public bool AnyoneHasRoom() => withRoom.Count > 0;

    /// <summary>The group's agents as the assignment rule sees them.</summary>
    public IEnumerable<RosterAgent> Candidates() =>
        members.Values.Where(r => r.InGroup).Select(r => new RosterAgent(r.AgentId, r.Presence == AgentPresence.Online, r.Capacity, r.Load));

    /// <summary>The group's agent ids in order (agents outside it holding a transfer are not listed).</summary>
    public string[] Agents() => [.. members.Values.Where(r => r.InGroup).Select(r => r.AgentId).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The <see cref="RoundRobin"/> rule on the sorted candidates: the least loaded online agent with room, among equally
    /// loaded ones the next by id after <paramref name="lastChosen"/> (wrapping); null when nobody has room.
    /// O(log agents + excluded): <paramref name="excluded"/> (this session's refusals) are skipped one by one.
    /// </summary>
    public string? Choose(string? lastChosen, IReadOnlySet<string>? excluded = null)
    {
        var first = Next(0, excluded);
        if (first < 0)
        {
            return null;
        }

        var least = withRoom[first].Load;
        if (lastChosen is not null)
        {
            // The first (least, id) after (least, lastChosen); BinarySearch's complement is the insertion point.
            var at = withRoom.BinarySearch((least, lastChosen), ByLoadThenId);
            var after = Next(at < 0 ? ~at : at + 1, excluded);
            if (after >= 0 && withRoom[after].Load == least)
            {
                return withRoom[after].AgentId;
            }
        }

        return withRoom[first].AgentId;
    }

    private int Next(int from, IReadOnlySet<string>? excluded)
    {
        for (var i = from; i < withRoom.Count; i++)
        {
            if (excluded is null || !excluded.Contains(withRoom[i].AgentId))
            {
                return i;
            }
        }

        return -1;
    }

    private void Unlist(RosterMember member)
    {
        if (HasRoom(member))
        {
            var at = withRoom.BinarySearch((member.Load, member.AgentId), ByLoadThenId);
            if (at >= 0)
            {
                withRoom.RemoveAt(at);
            }
        }
    }

    private static bool HasRoom(RosterMember member) =>
        member.InGroup && member.Presence == AgentPresence.Online && member.Load < member.Capacity;
}
