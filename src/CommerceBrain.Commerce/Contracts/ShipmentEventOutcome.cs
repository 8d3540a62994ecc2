namespace CommerceBrain.Commerce.Contracts;

/// <summary>What happened to a <see cref="ShipmentEvent"/>.</summary>
[GenerateSerializer]
public enum ShipmentEventOutcome
{
    /// <summary>Stored; a first event moved the order Paid → Shipped, a delivery scan → Delivered.</summary>
    Recorded,
    NotFound,
    /// <summary>Not paid yet, cancelled or refunded: nothing ships.</summary>
    NotShippable,
    /// <summary>The order has no shipment yet and the event names no carrier or tracking number.</summary>
    CarrierRequired,
}
