namespace CommerceBrain.Commerce.Api;

/// <summary>
/// Body of <c>POST /api/orders/{id}/shipment-events</c>: a carrier scan. <paramref name="Carrier"/> and
/// <paramref name="TrackingNumber"/> are required on an order's first event; <paramref name="Delivered"/> marks the
/// delivery scan; <paramref name="At"/> defaults to now.
/// </summary>
public sealed record ShipmentEventRequest(
    string? Carrier,
    string? TrackingNumber,
    string? Location,
    string? Description,
    bool? Delivered,
    DateTimeOffset? At);
