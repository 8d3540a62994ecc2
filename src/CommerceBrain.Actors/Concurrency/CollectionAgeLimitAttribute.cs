namespace CommerceBrain.Actors;

/// <summary>
/// Overrides <see cref="ActorsOptions.CollectionAge"/> for one grain class (as Orleans' attribute of the same name):
/// activations of it idle for longer than the sum of the given parts are deactivated.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public double Days { get; init; }

    public double Hours { get; init; }

    public double Minutes { get; init; }

    /// <summary>The idle age; must be positive.</summary>
    public TimeSpan Amount => TimeSpan.FromDays(Days) + TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(Minutes);
}
