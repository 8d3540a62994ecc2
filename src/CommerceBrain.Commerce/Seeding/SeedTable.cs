namespace CommerceBrain.Commerce.Seeding;

/// <summary>One table's demo rows as column values, in <see cref="Columns"/> order.</summary>
internal sealed record SeedTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
