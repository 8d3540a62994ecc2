namespace CommerceBrain.Load;

/// <summary>Every profile the driver knows.</summary>
public static class Profiles
{
    /// <summary>The registry; a new profile adds itself here.</summary>
    public static IReadOnlyList<ILoadProfile> All { get; } =
    [
        new HttpProfile(),
        new Double11.Double11Profile(),
    ];

    /// <summary>The profile named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ILoadProfile? Find(string name)
    {
        foreach (var profile in All)
        {
            if (string.Equals(profile.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return profile;
            }
        }

        return null;
    }
}
