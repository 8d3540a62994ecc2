namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// A refund request on an order (one item, or the whole order when <paramref name="Sku"/> is null); once decided,
/// <paramref name="DecidedAt"/> and the decision's <paramref name="DecisionReason"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.refund")]
public sealed record RefundView(
    [property: Id(0)] string RefundId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string? Sku,
    [property: Id(3)] long AmountMinor,
    [property: Id(4)] string Reason,
    [property: Id(5)] RefundStatus Status,
    [property: Id(6)] DateTimeOffset RequestedAt,
    [property: Id(7)] DateTimeOffset? DecidedAt = null,
    [property: Id(8)] string? DecisionReason = null);
