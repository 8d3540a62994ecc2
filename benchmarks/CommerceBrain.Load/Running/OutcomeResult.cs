using HdrHistogram;

namespace CommerceBrain.Load.Running;

/// <summary>Counts, latencies, errors and successful outcomes by status of a scenario's iterations or of one step.</summary>
internal sealed record OutcomeResult(string Name, long Ok, long Failed, long Bytes, HistogramBase Latency, IReadOnlyList<(ErrorKey Error, long Count)> Errors,
    IReadOnlyList<(string Status, long Count)> Outcomes)
{
    /// <summary>Snapshot of <paramref name="stats"/>.</summary>
    public static OutcomeResult From(OutcomeStats stats) =>
        new(stats.Name, stats.Ok, stats.Failed, stats.Bytes, stats.Latency.Copy(), stats.Errors(), stats.Outcomes());
}
