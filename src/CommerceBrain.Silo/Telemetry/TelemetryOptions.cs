using OpenTelemetry.Exporter;

namespace CommerceBrain.Silo.Telemetry;

/// <summary>OpenTelemetry export settings, bound from <c>CommerceBrain:Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CommerceBrain:Telemetry";

    /// <summary>
    /// OTLP collector address, e.g. <c>http://localhost:4317</c>. When neither this nor the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, nothing is exported and no provider is built.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTLP transport, <c>Grpc</c> or <c>HttpProtobuf</c>; null falls back to <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, then gRPC.</summary>
    public OtlpExportProtocol? OtlpProtocol { get; set; }

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = Hosting.SiloDefaults.ServiceName;
}
