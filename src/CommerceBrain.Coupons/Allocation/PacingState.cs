namespace CommerceBrain.Coupons.Allocation;

/// <summary>Where a campaign's budget stands when a claim is decided; the campaign grain (or its shard) fills it in.</summary>
/// <param name="Budget">Total budget in minor units.</param>
/// <param name="Spent">Budget already spent (granted, or expected at redemption, per the chooser's cost basis).</param>
/// <param name="WindowStart">Campaign start.</param>
/// <param name="WindowEnd">Campaign end (after <paramref name="WindowStart"/>).</param>
/// <param name="Now">The decision time.</param>
[GenerateSerializer]
[Immutable]
[Alias("CommerceBrain.Coupons.Allocation.PacingState")]
public sealed record PacingState(
    [property: Id(0)] long Budget,
    [property: Id(1)] double Spent,
    [property: Id(2)] DateTimeOffset WindowStart,
    [property: Id(3)] DateTimeOffset WindowEnd,
    [property: Id(4)] DateTimeOffset Now)
{
    /// <summary>Budget left (never negative).</summary>
    public double Remaining => Math.Max(0, Budget - Spent);

    /// <summary>The fraction of the window elapsed, clamped to [0, 1].</summary>
    public double Elapsed
    {
        get
        {
            var length = (WindowEnd - WindowStart).Ticks;
            return length <= 0 ? 1 : Math.Clamp((double)(Now - WindowStart).Ticks / length, 0, 1);
        }
    }
}
