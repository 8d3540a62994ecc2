using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommerceBrain.Silo.Telemetry;

/// <summary>
/// The OpenTelemetry tracer and meter providers, built with the SDK directly. They exist only while an OTLP
/// endpoint is configured; disposing them (when the host's service provider is disposed) flushes pending exports.
/// </summary>
public sealed class TelemetryProviders : IDisposable
{
    /// <summary>Every CommerceBrain module's source and meter, plus ASP.NET Core's own.</summary>
    public static readonly string[] Sources = ["CommerceBrain.*", "Microsoft.AspNetCore"];

    /// <summary>Meters exported besides the modules' own.</summary>
    public static readonly string[] Meters =
        ["CommerceBrain.*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime"];

    private readonly TracerProvider? tracerProvider;
    private readonly MeterProvider? meterProvider;

    /// <summary>Builds the providers when <paramref name="endpoint"/> is set.</summary>
    public TelemetryProviders(TelemetryOptions options, Uri? endpoint, OtlpExportProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(options);
        Endpoint = endpoint;
        Protocol = protocol;
        if (endpoint is null)
        {
            return;
        }

        var version = typeof(TelemetryProviders).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var resource = ResourceBuilder.CreateDefault()
            .AddService(options.ServiceName, serviceVersion: version, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}");

        tracerProvider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(Sources)
            .AddOtlpExporter(exporter => Configure(exporter, "v1/traces"))
            .Build();
        meterProvider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters)
            .AddOtlpExporter(exporter => Configure(exporter, "v1/metrics"))
            .Build();

        void Configure(OtlpExporterOptions exporter, string signalPath)
        {
            exporter.Protocol = protocol;
            // Over HTTP an endpoint set in code is used as is, so the signal's path is ours to add (gRPC needs none).
            exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
                ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
                : endpoint;
        }
    }

    /// <summary>The OTLP endpoint in use, or null when telemetry is not exported.</summary>
    public Uri? Endpoint { get; }

    /// <summary>The OTLP transport in use.</summary>
    public OtlpExportProtocol Protocol { get; }

    /// <summary>Flushes and shuts the providers down.</summary>
    public void Dispose()
    {
        tracerProvider?.Dispose();
        meterProvider?.Dispose();
    }
}
