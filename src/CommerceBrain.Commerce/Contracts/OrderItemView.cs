namespace CommerceBrain.Commerce.Contracts;

/// <summary>One line of an order. Amounts are in minor units (fen, cents).</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.order-item")]
public sealed record OrderItemView(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Title,
    [property: Id(2)] int Quantity,
    [property: Id(3)] long UnitPriceMinor);
