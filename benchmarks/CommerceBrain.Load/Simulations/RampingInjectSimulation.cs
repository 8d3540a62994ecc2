namespace CommerceBrain.Load;

/// <summary>Open model: the rate moves linearly from the previous stretch's rate to <see cref="Rate"/> per <see cref="Interval"/>.</summary>
public sealed record RampingInjectSimulation : LoadSimulation
{
    internal RampingInjectSimulation(int rate, TimeSpan interval, TimeSpan during) : base(during)
    {
        // 0 is allowed here: ramping down to nothing is a meaningful end of a peak.
        Rate = rate >= 0 ? rate : throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate must be >= 0");
        Interval = interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), interval, "interval must be > 0");
    }

    /// <summary>Iterations per interval at the end of the ramp.</summary>
    public int Rate { get; }

    /// <summary>The interval the rate refers to.</summary>
    public TimeSpan Interval { get; }
}
