using CommerceBrain.Actors.Runtime;

namespace CommerceBrain.Actors;

/// <summary>Identity helpers for grains and grain references.</summary>
public static class GrainExtensions
{
    /// <summary>The string key of a grain (inside the grain: <c>this.GetPrimaryKeyString()</c>) or of a grain reference.</summary>
    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    /// <summary>The identity of a grain, grain reference or observer reference.</summary>
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        null => throw new ArgumentNullException(nameof(grain)),
        Grain g => g.GrainId,
        GrainProxy p => p.Reference.GrainId,
        _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain nor a grain reference.", nameof(grain)),
    };
}
