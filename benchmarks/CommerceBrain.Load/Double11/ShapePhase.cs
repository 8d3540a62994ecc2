namespace CommerceBrain.Load.Double11;

/// <summary>
/// One stretch of the Double-11 day: the rate goes linearly from <see cref="From"/> to <see cref="To"/> (iterations per
/// second) over <see cref="During"/>; equal ends mean a constant rate.
/// </summary>
public sealed record ShapePhase(string Name, double From, double To, TimeSpan During)
{
    /// <summary>True when the rate does not change over the phase.</summary>
    public bool IsConstant => Math.Abs(From - To) < 1e-9;

    /// <summary>Expected iterations over the phase (the area under the rate).</summary>
    public double Iterations => (From + To) / 2 * During.TotalSeconds;
}
