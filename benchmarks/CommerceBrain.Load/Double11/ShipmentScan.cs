namespace CommerceBrain.Load.Double11;

/// <summary>A carrier scan the refund scenario posts (<c>POST /api/orders/{id}/shipment-events</c>); carrier and tracking number only on the first.</summary>
public sealed record ShipmentScan(string? Carrier, string? TrackingNumber, string Location, string Description, bool Delivered);
