namespace CommerceBrain.Load;

/// <summary>Open model: <see cref="Rate"/> iterations per <see cref="Interval"/>, evenly spaced, released on schedule.</summary>
public sealed record InjectSimulation : LoadSimulation
{
    internal InjectSimulation(int rate, TimeSpan interval, TimeSpan during) : base(during)
    {
        Rate = rate > 0 ? rate : throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate must be > 0");
        Interval = interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), interval, "interval must be > 0");
    }

    /// <summary>Iterations per interval.</summary>
    public int Rate { get; }

    /// <summary>The interval the rate refers to.</summary>
    public TimeSpan Interval { get; }
}
