namespace CommerceBrain.Commerce.Seeding;

/// <summary>One shop of the demo marketplace: id, name, category, warehouse city and whether it also writes Chinese FAQ entries.</summary>
internal sealed record DemoMerchant(string MerchantId, string Name, string Category, string City, bool Bilingual);
