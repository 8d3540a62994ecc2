namespace CommerceBrain.Commerce.Contracts;

/// <summary>An order as customers, agents and the bot see it. Amounts in minor units of <paramref name="Currency"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.order-view")]
public sealed record OrderView(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string MerchantId,
    [property: Id(3)] string MerchantName,
    [property: Id(4)] OrderStatus Status,
    [property: Id(5)] IReadOnlyList<OrderItemView> Items,
    [property: Id(6)] long TotalMinor,
    [property: Id(7)] string Currency,
    [property: Id(8)] DateTimeOffset PlacedAt,
    [property: Id(9)] string ShippingAddress,
    [property: Id(10)] ShipmentView? Shipment,
    [property: Id(11)] IReadOnlyList<RefundView> Refunds);
