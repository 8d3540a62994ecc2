namespace CommerceBrain.Commerce.Seeding;

/// <summary>What a seeding run did.</summary>
public enum SeedOutcome
{
    /// <summary>The demo data was inserted (or an unfinished run was completed).</summary>
    Seeded,
    /// <summary>The database was seeded before; nothing changed.</summary>
    AlreadySeeded,
    /// <summary>The database holds commerce data that no seeding run made; demo data is never mixed into it.</summary>
    NotEmpty,
}
