using CommerceBrain.Agents.Contracts;

namespace CommerceBrain.Agents.Grains;

/// <summary>An agent's persisted state and its rules (unit-tested without a runtime).</summary>
[GenerateSerializer]
[Alias("agents.agent-state")]
public sealed class AgentState
{
    [Id(0)] public AgentPresence Presence { get; set; } = AgentPresence.Offline;
    [Id(1)] public List<string> Groups { get; set; } = [];
    [Id(2)] public int Capacity { get; set; }
    [Id(3)] public HashSet<string> Active { get; set; } = [];
    [Id(4)] public Dictionary<string, string> Assigned { get; set; } = [];
    [Id(5)] public long Handled { get; set; }
    [Id(6)] public double HandleSeconds { get; set; }
    [Id(7)] public long Ratings { get; set; }
    [Id(8)] public long RatingSum { get; set; }
    [Id(9)] public long Version { get; set; }
    [Id(10)] public bool Registered { get; set; }

    /// <summary>Sessions counted against capacity.</summary>
    public int Load => Active.Count + Assigned.Count;

    /// <summary>
    /// Whether the agent may take <paramref name="sessionId"/> of <paramref name="group"/> now; a session addressed to
    /// this agent by name (<paramref name="named"/>: a transfer to the agent) may come from any group.
    /// </summary>
    public bool CanTake(string sessionId, string group, bool named = false) =>
        Presence == AgentPresence.Online
        && (named || Groups.Contains(group, StringComparer.Ordinal))
        && (Assigned.ContainsKey(sessionId) || Active.Contains(sessionId) || Load < Capacity);

    public AgentView View(string agentId) => new(agentId, Presence, [.. Groups], Capacity, [.. Active.Order(StringComparer.Ordinal)],
        new Dictionary<string, string>(Assigned), Handled, HandleSeconds, Ratings, RatingSum);

    public AgentRoster Roster(string agentId, string group) => new(agentId, Version, Presence, Capacity, Load,
        Groups.Contains(group, StringComparer.Ordinal), [.. Assigned.Keys.Order(StringComparer.Ordinal)]);
}
