namespace CommerceBrain.Conversations.Contracts;

/// <summary>The result of an agent action: the outcome, the session's status after it and the event id it was stored as (0 when refused).</summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.agent-action-result")]
public sealed record AgentActionResult(
    [property: Id(0)] AgentActionOutcome Outcome,
    [property: Id(1)] SessionStatus Status,
    [property: Id(2)] long EventId);
