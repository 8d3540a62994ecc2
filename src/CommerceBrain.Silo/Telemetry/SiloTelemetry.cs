using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Silo.Telemetry;

/// <summary>The silo's own <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>CommerceBrain.Silo</c>.</summary>
public static class SiloTelemetry
{
    /// <summary>Name of the source and the meter.</summary>
    public const string Name = "CommerceBrain.Silo";

    /// <summary>Traces of the silo host (grain calls seen by the call filter, start-up).</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Metrics of the silo host.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Grain calls handled by this silo, tagged with grain type, method and outcome.</summary>
    public static readonly Counter<long> GrainCalls = Meter.CreateCounter<long>(
        "commercebrain.grain.calls", unit: "{call}", description: "Grain calls handled by this silo.");

    /// <summary>Duration of grain calls, tagged with grain type and method.</summary>
    public static readonly Histogram<double> GrainCallDuration = Meter.CreateHistogram<double>(
        "commercebrain.grain.call.duration", unit: "s", description: "Duration of grain calls handled by this silo.");
}
