namespace CommerceBrain.Load;

/// <summary>One stretch of a scenario's load shape; build them with <see cref="Simulation"/>.</summary>
public abstract record LoadSimulation
{
    private protected LoadSimulation(TimeSpan during)
    {
        if (during <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(during), during, "a load simulation's duration must be > 0");
        }

        During = during;
    }

    /// <summary>How long this stretch lasts.</summary>
    public TimeSpan During { get; }
}

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

/// <summary>Closed model: <see cref="Copies"/> copies each run iterations back to back.</summary>
public sealed record KeepConstantSimulation : LoadSimulation
{
    internal KeepConstantSimulation(int copies, TimeSpan during) : base(during) =>
        Copies = copies > 0 ? copies : throw new ArgumentOutOfRangeException(nameof(copies), copies, "copies must be > 0");

    /// <summary>Concurrent copies.</summary>
    public int Copies { get; }
}

/// <summary>Closed model: the number of copies moves linearly from the previous stretch's to <see cref="Copies"/>.</summary>
public sealed record RampingConstantSimulation : LoadSimulation
{
    internal RampingConstantSimulation(int copies, TimeSpan during) : base(during) =>
        Copies = copies >= 0 ? copies : throw new ArgumentOutOfRangeException(nameof(copies), copies, "copies must be >= 0");

    /// <summary>Copies at the end of the ramp.</summary>
    public int Copies { get; }
}

/// <summary>Open model: <see cref="Count"/> iterations released at once, then nothing for the rest of the stretch.</summary>
public sealed record BurstSimulation : LoadSimulation
{
    internal BurstSimulation(int count, TimeSpan during) : base(during) =>
        Count = count > 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "count must be > 0");

    /// <summary>Iterations released at the start of the stretch.</summary>
    public int Count { get; }
}

/// <summary>Nothing runs for the stretch.</summary>
public sealed record PauseSimulation : LoadSimulation
{
    internal PauseSimulation(TimeSpan during) : base(during)
    {
    }
}
