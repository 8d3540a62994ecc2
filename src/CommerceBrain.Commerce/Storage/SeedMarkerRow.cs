namespace CommerceBrain.Commerce.Storage;

/// <summary>A row of <c>commerce_seed</c>: how far a seeding run got.</summary>
internal sealed class SeedMarkerRow
{
    public string Name { get; init; } = string.Empty;

    public string State { get; init; } = string.Empty;

    public long Version { get; init; }

    public long UpdatedAtMs { get; init; }
}
