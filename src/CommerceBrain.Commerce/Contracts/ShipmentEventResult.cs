namespace CommerceBrain.Commerce.Contracts;

/// <summary>The outcome of a shipment event and the order afterwards (null when not found).</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.shipment-event-result")]
public sealed record ShipmentEventResult(
    [property: Id(0)] ShipmentEventOutcome Outcome,
    [property: Id(1)] OrderView? Order);
