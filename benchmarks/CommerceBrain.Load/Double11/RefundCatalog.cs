namespace CommerceBrain.Load.Double11;

/// <summary>
/// The products the refund scenario places its orders with: the demo shops' products seen in the demo customers'
/// orders (read once at Init), each below the bot's high-value threshold so one of them makes an order the bot refunds
/// itself (larger ones go to a person by design). Distinct by shop and SKU, in a fixed order, so a seed picks the same.
/// </summary>
public sealed class RefundCatalog
{
    /// <summary>Customers whose orders are read at Init for the catalog (about 4 orders of 1–3 lines each).</summary>
    public const int CustomersRead = 40;

    private RefundCatalog(IReadOnlyList<CatalogProduct> products) => Products = products;

    /// <summary>The products, ordered by shop and SKU.</summary>
    public IReadOnlyList<CatalogProduct> Products { get; }

    /// <summary>
    /// The catalog of the products in <paramref name="orders"/> whose unit price is positive and below
    /// <paramref name="maxTotalMinor"/> (an order of one of them stays below the threshold).
    /// </summary>
    public static RefundCatalog From(IEnumerable<Api.Order> orders, long maxTotalMinor)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var products = new SortedDictionary<(string, string), CatalogProduct>();
        foreach (var order in orders)
        {
            foreach (var item in order.Items)
            {
                if (item.UnitPriceMinor > 0 && item.UnitPriceMinor < maxTotalMinor)
                {
                    products.TryAdd((order.MerchantId, item.Sku), new CatalogProduct(order.MerchantId, item.Sku, item.UnitPriceMinor));
                }
            }
        }

        return new RefundCatalog([.. products.Values]);
    }

    /// <summary>A random product (throws when the catalog is empty: Init refuses such a run).</summary>
    public CatalogProduct Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Products.Count > 0 ? Products[random.Next(Products.Count)] : throw new InvalidOperationException("the refund catalog is empty");
    }
}
