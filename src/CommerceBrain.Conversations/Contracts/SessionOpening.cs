namespace CommerceBrain.Conversations.Contracts;

/// <summary>Opens a session for <paramref name="CustomerId"/> on <paramref name="Channel"/> (<c>web</c>, <c>app</c>, <c>hotline</c>), in a shop when <paramref name="MerchantId"/> is set.</summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.session-opening")]
public sealed record SessionOpening(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Channel,
    [property: Id(2)] string? MerchantId);
