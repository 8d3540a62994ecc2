namespace CommerceBrain.Conversations.Contracts;

/// <summary>An agent (<paramref name="AgentId"/>, shown to the customer as <paramref name="DisplayName"/>) takes the session.</summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.agent-attach")]
public sealed record AgentAttach(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string DisplayName);
