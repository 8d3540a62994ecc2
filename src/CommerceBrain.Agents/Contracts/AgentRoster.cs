namespace CommerceBrain.Agents.Contracts;

/// <summary>
/// What an agent tells its groups' queues: presence, capacity, load and the sessions it holds assigned.
/// <paramref name="Version"/> grows with every change, so a queue ignores an older one arriving late.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("agents.agent-roster")]
public sealed record AgentRoster(
    [property: Id(0)] string AgentId,
    [property: Id(1)] long Version,
    [property: Id(2)] AgentPresence Presence,
    [property: Id(3)] int Capacity,
    [property: Id(4)] int Load,
    [property: Id(5)] bool InGroup,
    [property: Id(6)] IReadOnlyList<string> Assigned);
