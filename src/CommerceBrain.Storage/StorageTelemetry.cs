using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Storage;

/// <summary>The storage module's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>CommerceBrain.Storage</c>.</summary>
public static class StorageTelemetry
{
    /// <summary>The source and meter name.</summary>
    public const string Name = "CommerceBrain.Storage";

    /// <summary>Traces migrations and group-commit flushes.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Storage metrics.</summary>
    public static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> GrainStateWrites = Meter.CreateCounter<long>(
        "commercebrain.storage.grain_state.writes", description: "Grain-state writes and clears that committed (SQLite provider; Orleans counts its own for ADO.NET).");

    internal static readonly Counter<long> GrainStateConflicts = Meter.CreateCounter<long>(
        "commercebrain.storage.grain_state.conflicts", description: "Grain-state writes and clears rejected for a stale ETag (SQLite provider).");

    internal static readonly Histogram<int> GroupCommitBatchSize = Meter.CreateHistogram<int>(
        "commercebrain.storage.group_commit.batch_size", unit: "{row}", description: "Rows per group-commit transaction.");

    internal static readonly Histogram<double> GroupCommitDuration = Meter.CreateHistogram<double>(
        "commercebrain.storage.group_commit.duration", unit: "ms", description: "Time to write and commit one batch.");

    internal static readonly Counter<long> GroupCommitFailures = Meter.CreateCounter<long>(
        "commercebrain.storage.group_commit.failures", description: "Group-commit batches whose transaction failed.");
}
