namespace CommerceBrain.Agents.Routing;

/// <summary>An agent on a group's roster as the assignment rule needs it.</summary>
public sealed record RosterAgent(string AgentId, bool Online, int Capacity, int Load);
