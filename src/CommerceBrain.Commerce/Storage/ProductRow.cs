namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>products</c>.</summary>
internal sealed class ProductRow
{
    public string Sku { get; init; } = string.Empty;

    public string MerchantId { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public long PriceMinor { get; init; }

    public string Currency { get; init; } = string.Empty;
}
