namespace CommerceBrain.Conversations.Contracts;

/// <summary>A customer's message. <paramref name="ClientMessageId"/> makes it idempotent within the session.</summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.customer-message")]
public sealed record CustomerMessage(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Text,
    [property: Id(2)] string ClientMessageId);
