using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Diagnostics;

/// <summary>The module's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>CommerceBrain.Diagnostics</c>.</summary>
public static class DiagnosticsTelemetry
{
    /// <summary>Name of the source and the meter.</summary>
    public const string Name = "CommerceBrain.Diagnostics";

    /// <summary>Traces of the module.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Metrics of the module.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Counter increments stored (acknowledged), the smoke test's throughput.</summary>
    public static readonly Counter<long> StoredIncrements = Meter.CreateCounter<long>(
        "commercebrain.diagnostics.increments", unit: "{increment}", description: "Counter increments stored and acknowledged.");
}
