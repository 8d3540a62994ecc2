namespace CommerceBrain.Commerce.Seeding;

/// <summary>How far a seeding run is: <paramref name="Done"/> of <paramref name="Total"/> rows (FAQ publications count as rows).</summary>
public sealed record SeedProgress(string Step, long Done, long Total)
{
    /// <summary>Whole percent done, 0–100.</summary>
    public int Percent => Total == 0 ? 100 : (int)(Done * 100 / Total);
}
