namespace CommerceBrain.Load.Double11;

/// <summary>A demo shop's product the refund scenario orders: its shop, SKU and unit price (minor units).</summary>
public sealed record CatalogProduct(string MerchantId, string Sku, long UnitPriceMinor);
