namespace CommerceBrain.Load.Double11.Api;

/// <summary><c>GET /api/agents/me</c>: the sessions the agent holds (<see cref="Active"/>) and was offered (<see cref="Assigned"/>).</summary>
public sealed record AgentView(string AgentId, string Status, int Capacity, int Load, IReadOnlyList<string> Active, IReadOnlyList<string> Assigned);
