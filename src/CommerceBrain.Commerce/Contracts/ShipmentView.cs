namespace CommerceBrain.Commerce.Contracts;

/// <summary>An order's shipment with its tracking events, oldest first.</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.shipment")]
public sealed record ShipmentView(
    [property: Id(0)] string Carrier,
    [property: Id(1)] string TrackingNumber,
    [property: Id(2)] DateTimeOffset ShippedAt,
    [property: Id(3)] DateTimeOffset? EstimatedDelivery,
    [property: Id(4)] IReadOnlyList<TrackingEventView> Events);
