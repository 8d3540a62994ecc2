namespace CommerceBrain.Commerce.Seeding;

/// <summary>The outcome of a <see cref="DemoDataSeeder"/> run with the numbers it seeded (zero when it did nothing).</summary>
public sealed record SeedReport(SeedOutcome Outcome, int Merchants, int Products, int Customers, int Orders);
