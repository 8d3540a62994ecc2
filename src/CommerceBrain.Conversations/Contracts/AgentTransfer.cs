namespace CommerceBrain.Conversations.Contracts;

/// <summary>The attached agent passes the session to a skill <paramref name="Group"/> or another agent (<paramref name="TargetAgentId"/>) with a note.</summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.agent-transfer")]
public sealed record AgentTransfer(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string? Group,
    [property: Id(2)] string? TargetAgentId,
    [property: Id(3)] string Note);
