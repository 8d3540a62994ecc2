namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// The attached agent's message to the customer; <paramref name="ClientMessageId"/> makes it idempotent.
/// <paramref name="Warnings"/> (the draft reviewer's) and the compensation <paramref name="ReasonCode"/> are recorded with it.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.agent-message")]
public sealed record AgentMessage(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string Text,
    [property: Id(2)] string ClientMessageId,
    [property: Id(3)] IReadOnlyList<AgentDraftWarning>? Warnings = null,
    [property: Id(4)] string? ReasonCode = null);
