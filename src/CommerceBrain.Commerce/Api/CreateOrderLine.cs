namespace CommerceBrain.Commerce.Api;

/// <summary>One line of <see cref="CreateOrderRequest"/>: a product of the merchant and how many (1–999).</summary>
public sealed record CreateOrderLine(string? Sku, int? Quantity);
