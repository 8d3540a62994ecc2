using HdrHistogram;

namespace CommerceBrain.Load.Running;

/// <summary>Everything a finished (or interrupted) run measured.</summary>
internal sealed record RunResult(
    DateTimeOffset StartedAt,
    double DurationSeconds,
    bool Interrupted,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<TimelineRow> Timeline);

/// <summary>One scenario's measured outcome.</summary>
internal sealed record ScenarioResult(string Name, double MeasuredSeconds, OutcomeResult Iterations, IReadOnlyList<OutcomeResult> Steps);

/// <summary>Counts, latencies and errors of a scenario's iterations or of one step.</summary>
internal sealed record OutcomeResult(string Name, long Ok, long Failed, long Bytes, HistogramBase Latency, IReadOnlyList<(ErrorKey Error, long Count)> Errors)
{
    /// <summary>Snapshot of <paramref name="stats"/>.</summary>
    public static OutcomeResult From(OutcomeStats stats) =>
        new(stats.Name, stats.Ok, stats.Failed, stats.Bytes, stats.Latency.Copy(), stats.Errors());
}
