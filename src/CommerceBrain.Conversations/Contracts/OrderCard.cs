namespace CommerceBrain.Conversations.Contracts;

/// <summary>An order shown as a card in the chat. Amounts in minor units of <paramref name="Currency"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.order-card")]
public sealed record OrderCard(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string MerchantName,
    [property: Id(2)] string Status,
    [property: Id(3)] string Title,
    [property: Id(4)] int ItemCount,
    [property: Id(5)] long TotalMinor,
    [property: Id(6)] string Currency,
    [property: Id(7)] string? LatestTracking,
    [property: Id(8)] DateTimeOffset PlacedAt);
