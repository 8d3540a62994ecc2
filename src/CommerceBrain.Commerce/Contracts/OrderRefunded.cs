namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// A refund was paid on an order (<see cref="IOrderRefundListener"/>). <paramref name="Sku"/> names the refunded item
/// (null: the whole order); <paramref name="WholeOrderRefunded"/> says the order as a whole is now refunded.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.order-refunded")]
public sealed record OrderRefunded(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string RefundId,
    [property: Id(3)] long AmountMinor,
    [property: Id(4)] bool WholeOrderRefunded,
    [property: Id(5)] string? Sku = null,
    [property: Id(6)] string MerchantId = "");
