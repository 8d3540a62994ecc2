namespace CommerceBrain.Coupons.Tiers;

/// <summary>Whether this silo can choose tiers for optimised campaigns.</summary>
public enum OptimiserAvailability
{
    /// <summary>A conversion model is loaded.</summary>
    Ready,

    /// <summary>The model is being trained or loaded: retry later.</summary>
    Starting,

    /// <summary>No model here (none registered, training off, or it failed to load).</summary>
    Absent,
}
