namespace CommerceBrain.Actors.Placement;

/// <summary>
/// Decides where a new activation lives. Only local placement exists today; cluster mode will plug in a director
/// that maps grains to partition owners without grain code changing.
/// </summary>
public interface IPlacementDirector
{
    PlacementDecision Place(GrainId grainId, Type grainClass);
}

/// <summary>Where to activate a grain: here (<see cref="Local"/>) or on the silo at <see cref="SiloAddress"/>.</summary>
public readonly record struct PlacementDecision(string? SiloAddress)
{
    public static PlacementDecision Local => default;

    public bool IsLocal => SiloAddress is null;
}

/// <summary>Activates every grain in this process.</summary>
public sealed class LocalPlacementDirector : IPlacementDirector
{
    public PlacementDecision Place(GrainId grainId, Type grainClass) => PlacementDecision.Local;
}
