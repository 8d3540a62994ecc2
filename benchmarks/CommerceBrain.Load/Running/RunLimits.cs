namespace CommerceBrain.Load.Running;

/// <summary>Global bounds every run obeys, whatever the scenarios ask for.</summary>
/// <param name="MaxDuration">Longest a run may last, warm-up included (default 2 h).</param>
/// <param name="MaxIterations">Most iterations any one scenario may run.</param>
/// <param name="MaxInFlight">Open model: iterations in flight beyond which new ones are dropped and counted as errors.</param>
/// <param name="DrainTimeout">After the schedule ends, how long in-flight iterations may still finish before they are cancelled.</param>
internal sealed record RunLimits(TimeSpan MaxDuration, long MaxIterations, int MaxInFlight, TimeSpan DrainTimeout)
{
    /// <summary>Longest duration any run may have.</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromHours(2);

    /// <summary>The defaults: 2 h, 1 billion iterations, 50,000 in flight, 30 s drain.</summary>
    public static RunLimits Default { get; } = new(DefaultMaxDuration, 1_000_000_000, 50_000, TimeSpan.FromSeconds(30));
}
