namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>shipments</c>.</summary>
internal sealed class ShipmentRow
{
    public string OrderId { get; init; } = string.Empty;

    public string Carrier { get; init; } = string.Empty;

    public string TrackingNumber { get; init; } = string.Empty;

    public long ShippedAtMs { get; init; }

    public long? EstimatedDeliveryAtMs { get; init; }
}
