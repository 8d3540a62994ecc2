using OpenTelemetry.Exporter;

namespace CommerceBrain.Silo.Telemetry;

/// <summary>Where traces and metrics are exported over OTLP, if anywhere (logged at start-up).</summary>
/// <param name="Endpoint">The OTLP endpoint, or null when nothing is exported over OTLP.</param>
/// <param name="Protocol">The OTLP transport.</param>
public sealed record TelemetryExport(Uri? Endpoint, OtlpExportProtocol Protocol);
