namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// A new order placed on behalf of <paramref name="CustomerId"/> in <paramref name="MerchantId"/>'s shop.
/// <paramref name="Status"/> is <see cref="OrderStatus.PendingPayment"/> or <see cref="OrderStatus.Paid"/>.
/// <paramref name="RequestId"/> (optional) makes creation idempotent per merchant: the same id again returns the first order.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.order-spec")]
public sealed record OrderSpec(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string MerchantId,
    [property: Id(2)] IReadOnlyList<OrderLineSpec> Lines,
    [property: Id(3)] string ShippingAddress,
    [property: Id(4)] OrderStatus Status,
    [property: Id(5)] string? RequestId);
