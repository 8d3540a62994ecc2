namespace CommerceBrain.Coupons.Allocation;

/// <summary>Tuning of the <see cref="PacingController"/>.</summary>
public sealed class PacingOptions
{
    /// <summary>Proportional gain on (spent − target) / budget, in log-λ per unit of budget fraction.</summary>
    public double Proportional { get; set; } = 8;

    /// <summary>Integral gain on the time integral (over window fractions) of the same error.</summary>
    public double Integral { get; set; } = 40;

    /// <summary>λ stays within [λ0 / Bound, λ0 · Bound]; the integral is clamped to the same range (no wind-up).</summary>
    public double Bound { get; set; } = 20;

    /// <summary>
    /// Target share of budget spent by a given share of the window elapsed (monotone, 0 → 0, 1 → 1). Null: linear.
    /// Use the expected arrival curve when demand is known to peak, so that λ stays near λ* instead of fighting the peak.
    /// </summary>
    public Func<double, double>? TargetCurve { get; set; }

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Proportional);
        ArgumentOutOfRangeException.ThrowIfNegative(Integral);
        ArgumentOutOfRangeException.ThrowIfLessThan(Bound, 1.0);
    }
}
