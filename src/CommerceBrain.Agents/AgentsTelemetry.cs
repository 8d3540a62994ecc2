using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Agents;

/// <summary>The agents module's one <see cref="ActivitySource"/> and one <see cref="Meter"/>.</summary>
public static class AgentsTelemetry
{
    /// <summary>The source and meter name.</summary>
    public const string Name = "CommerceBrain.Agents";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Enqueued = Meter.CreateCounter<long>("commercebrain.agents.enqueued", "{session}", "Sessions put in a group's queue, by group.");
    internal static readonly Counter<long> Assigned = Meter.CreateCounter<long>("commercebrain.agents.assigned", "{session}", "Sessions assigned to an agent (automatic or picked), by group.");
    internal static readonly Counter<long> SlaBreaches = Meter.CreateCounter<long>("commercebrain.agents.sla_breaches", "{breach}", "Response clocks that ran out, by group and clock.");
    internal static readonly Counter<long> QueueRowsWritten = Meter.CreateCounter<long>("commercebrain.agents.queue_rows_written", "{row}", "Queue entry rows upserted or deleted, by group.");
    internal static readonly Histogram<double> WaitTime = Meter.CreateHistogram<double>("commercebrain.agents.wait_time", "s", "Time from queueing to an agent attaching.");
}
