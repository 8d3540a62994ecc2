namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>customers</c>.</summary>
internal sealed class CustomerRow
{
    public string CustomerId { get; init; } = string.Empty;

    public string DisplayName { get; init; } = string.Empty;

    public string Segment { get; init; } = string.Empty;

    public string Language { get; init; } = string.Empty;

    public long JoinedAtMs { get; init; }
}
