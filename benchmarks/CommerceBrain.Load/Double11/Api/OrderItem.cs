namespace CommerceBrain.Load.Double11.Api;

/// <summary>A line of an order.</summary>
public sealed record OrderItem(string Sku, string Title, int Quantity, long UnitPriceMinor);
