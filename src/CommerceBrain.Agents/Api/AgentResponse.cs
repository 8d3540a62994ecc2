namespace CommerceBrain.Agents.Api;

/// <summary>An agent's presence, groups, capacity and the sessions held (attached and assigned).</summary>
public sealed record AgentResponse(string AgentId, string Status, IReadOnlyList<string> Groups, int Capacity, int Load,
    IReadOnlyList<string> Active, IReadOnlyList<string> Assigned);
