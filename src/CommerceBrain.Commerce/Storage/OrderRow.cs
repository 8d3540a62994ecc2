namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>orders</c> (with the merchant's name when read).</summary>
internal sealed class OrderRow
{
    public string OrderId { get; init; } = string.Empty;

    public string CustomerId { get; init; } = string.Empty;

    public string MerchantId { get; init; } = string.Empty;

    public string Status { get; init; } = string.Empty;

    public long TotalMinor { get; init; }

    public string Currency { get; init; } = string.Empty;

    public long PlacedAtMs { get; init; }

    public string ShippingAddress { get; init; } = string.Empty;

    public string? RequestId { get; init; }

    public long UpdatedAtMs { get; init; }

    public string? MerchantName { get; init; }
}
