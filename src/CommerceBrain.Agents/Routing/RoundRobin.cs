namespace CommerceBrain.Agents.Routing;

/// <summary>
/// The fair assignment rule: among online agents with room, the least loaded; among equally loaded ones, the next after
/// the agent chosen last (by id order), so ties rotate instead of always landing on the same agent.
/// </summary>
internal static class RoundRobin
{
    /// <summary>The agent to offer the next session to, or null when nobody online has room.</summary>
    public static string? Choose(IEnumerable<RosterAgent> roster, string? lastChosen, IReadOnlySet<string>? excluded = null)
    {
        var candidates = roster
            .Where(a => a.Online && a.Load < a.Capacity && (excluded is null || !excluded.Contains(a.AgentId)))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var least = candidates.Min(a => a.Load);
        var tied = candidates.Where(a => a.Load == least).Select(a => a.AgentId).Order(StringComparer.Ordinal).ToList();
        return lastChosen is null
            ? tied[0]
            : tied.FirstOrDefault(id => string.CompareOrdinal(id, lastChosen) > 0) ?? tied[0];
    }
}
