namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// A carrier scan posted by the merchant or an operator. The first event of an order must name the
/// <paramref name="Carrier"/> and <paramref name="TrackingNumber"/> (later ones may omit them); <paramref name="Delivered"/>
/// marks the delivery scan. <paramref name="At"/> null means now.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.shipment-event")]
public sealed record ShipmentEvent(
    [property: Id(0)] string? Carrier,
    [property: Id(1)] string? TrackingNumber,
    [property: Id(2)] string Location,
    [property: Id(3)] string Description,
    [property: Id(4)] bool Delivered,
    [property: Id(5)] DateTimeOffset? At);
