namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>order_items</c>.</summary>
internal sealed class OrderItemRow
{
    public string OrderId { get; init; } = string.Empty;

    public long LineNo { get; init; }

    public string Sku { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public long Quantity { get; init; }

    public long UnitPriceMinor { get; init; }
}
