namespace CommerceBrain.Agents.Contracts;

/// <summary>A response clock that ran out: which (<see cref="SlaClocks"/>), when it was due and when it was noticed.</summary>
[GenerateSerializer]
[Immutable]
[Alias("agents.sla-breach")]
public sealed record SlaBreach(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Group,
    [property: Id(2)] string Clock,
    [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? AgentId);
