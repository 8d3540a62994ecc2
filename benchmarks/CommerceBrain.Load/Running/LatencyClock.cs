using System.Diagnostics;

namespace CommerceBrain.Load.Running;

/// <summary>
/// The timing rules, as pure functions over <see cref="Stopwatch"/> timestamps: in the open model the first step of an
/// iteration (and the iteration itself) is timed from the intended start, so time spent waiting behind a slow server
/// or a late driver is counted instead of hidden (coordinated omission).
/// </summary>
internal static class LatencyClock
{
    /// <summary>Where a measurement starts: the intended start for the first step of an open-model iteration, else now.</summary>
    public static long MeasurementStart(bool openModel, bool firstStep, long intendedTimestamp, long nowTimestamp) =>
        openModel && firstStep ? Math.Min(intendedTimestamp, nowTimestamp) : nowTimestamp;

    /// <summary>Microseconds between two timestamps of a clock ticking <paramref name="frequency"/> times per second (never negative).</summary>
    public static long Micros(long startTimestamp, long endTimestamp, long frequency)
    {
        var ticks = endTimestamp - startTimestamp;
        return ticks <= 0 ? 0 : (long)(ticks * (1_000_000.0 / frequency));
    }

    /// <summary>Microseconds between two <see cref="Stopwatch"/> timestamps.</summary>
    public static long Micros(long startTimestamp, long endTimestamp) => Micros(startTimestamp, endTimestamp, Stopwatch.Frequency);

    /// <summary>Stopwatch ticks for <paramref name="seconds"/>.</summary>
    public static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);
}
