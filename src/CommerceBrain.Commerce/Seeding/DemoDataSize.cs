namespace CommerceBrain.Commerce.Seeding;

/// <summary>How much demo data to generate. Every size has all 55 demo shops with their FAQs and the well-known customers.</summary>
public sealed record DemoDataSize(int Products, int Customers, int Orders)
{
    /// <summary>The demo marketplace: 2,000 products, 5,000 customers, 20,000 orders.</summary>
    public static DemoDataSize Full { get; } = new(2_000, 5_000, 20_000);

    /// <summary>A small marketplace for tests: every order status, shipments and refunds, in a fraction of the rows.</summary>
    public static DemoDataSize Small { get; } = new(220, 120, 600);
}
