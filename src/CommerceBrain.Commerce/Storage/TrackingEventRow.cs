namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>tracking_events</c>.</summary>
internal sealed class TrackingEventRow
{
    public string OrderId { get; init; } = string.Empty;

    public long Seq { get; init; }

    public long AtMs { get; init; }

    public string Location { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;
}
