using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Silo.Telemetry;

/// <summary>The silo host's own <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>CommerceBrain.Silo</c>.</summary>
public static class SiloTelemetry
{
    /// <summary>Name of the source and the meter.</summary>
    public const string Name = "CommerceBrain.Silo";

    /// <summary>Traces of the silo host (start-up).</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Metrics of the silo host.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Requests the front-end refused because the cluster could not serve them (503 with Retry-After).</summary>
    public static readonly Counter<long> UnavailableResponses = Meter.CreateCounter<long>(
        "commercebrain.http.unavailable", unit: "{response}", description: "Requests answered 503 because a grain could not be reached in time.");
}
