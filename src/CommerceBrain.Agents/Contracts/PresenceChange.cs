namespace CommerceBrain.Agents.Contracts;

/// <summary>An agent's new presence; null <paramref name="Groups"/> or <paramref name="Capacity"/> keep the current ones.</summary>
[GenerateSerializer]
[Immutable]
[Alias("agents.presence-change")]
public sealed record PresenceChange(
    [property: Id(0)] AgentPresence Presence,
    [property: Id(1)] IReadOnlyList<string>? Groups,
    [property: Id(2)] int? Capacity);
