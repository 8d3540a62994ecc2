namespace CommerceBrain.Conversations.Contracts;

/// <summary>The warnings recorded with one agent message (event <paramref name="EventId"/>), for supervisors and the agent assist.</summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.agent-message-warnings")]
public sealed record AgentMessageWarnings(
    [property: Id(0)] long EventId,
    [property: Id(1)] string AgentId,
    [property: Id(2)] IReadOnlyList<AgentDraftWarning> Warnings);
