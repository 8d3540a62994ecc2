using System.Reflection;
using CommerceBrain.Silo.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommerceBrain.Silo.Telemetry;

/// <summary>Registers OpenTelemetry for the silo.</summary>
public static class TelemetrySetup
{
    /// <summary>Every CommerceBrain module's source, Orleans' own and ASP.NET Core's.</summary>
    public static readonly string[] Sources = ["CommerceBrain.*", "Microsoft.Orleans.*", "Microsoft.AspNetCore"];

    /// <summary>Every CommerceBrain module's meter and Orleans' own (ASP.NET Core, HTTP client and runtime come from their instrumentation).</summary>
    public static readonly string[] Meters = ["CommerceBrain.*", "Microsoft.Orleans"];

    /// <summary>
    /// Wires OpenTelemetry through <c>OpenTelemetry.Extensions.Hosting</c>: traces (ours, Orleans', ASP.NET Core, HTTP client)
    /// exported over OTLP when an endpoint is configured; metrics (ours, Orleans', ASP.NET Core, HTTP client, .NET runtime)
    /// always scraped at <c>/metrics</c> (Prometheus text) and also exported over OTLP when configured.
    /// </summary>
    public static IServiceCollection AddCommerceBrainTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.SectionName).Bind(options);
        var endpoint = ResolveEndpoint(options, configuration);
        var protocol = ResolveProtocol(options, configuration);
        services.AddSingleton(new TelemetryExport(endpoint, protocol));
        var version = typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                options.ServiceName, serviceVersion: version, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (endpoint is not null)
                {
                    metrics.AddOtlpExporter(exporter => Configure(exporter, endpoint, protocol, "v1/metrics"));
                }
            });
        if (endpoint is not null)
        {
            // Without an exporter, spans would be recorded for nobody: tracing is only switched on with one.
            telemetry.WithTracing(tracing => tracing
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(exporter => Configure(exporter, endpoint, protocol, "v1/traces")));
        }

        return services;
    }

    /// <summary>Whether spans are exported (an OTLP endpoint is configured); without it nobody records them.</summary>
    public static bool TracingEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.SectionName).Bind(options);
        return ResolveEndpoint(options, configuration) is not null;
    }

    /// <summary>Maps the Prometheus scrape endpoint at <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapCommerceBrainMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        exporter.Protocol = protocol;
        // Over HTTP an endpoint set in code is used as is, so the signal's path is ours to add (gRPC needs none).
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }

    /// <summary>Our setting wins; the standard <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (grpc, http/protobuf) is the fallback.</summary>
    internal static OtlpExportProtocol ResolveProtocol(TelemetryOptions options, IConfiguration configuration)
    {
        if (options.OtlpProtocol is { } protocol)
        {
            return protocol;
        }

        return configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]?.Trim() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new SiloConfigurationException(
                "OTEL_EXPORTER_OTLP_PROTOCOL",
                $"OTEL_EXPORTER_OTLP_PROTOCOL '{other}' is not supported. Use grpc or http/protobuf."),
        };
    }

    /// <summary>Our setting wins; the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is the fallback.</summary>
    internal static Uri? ResolveEndpoint(TelemetryOptions options, IConfiguration configuration)
    {
        var (setting, text) = !string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            ? ($"{TelemetryOptions.SectionName}:OtlpEndpoint", options.OtlpEndpoint)
            : ("OTEL_EXPORTER_OTLP_ENDPOINT", configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new SiloConfigurationException(
                setting,
                $"{setting} '{text}' is not an absolute http(s) URL. Set it to the collector's address, e.g. http://localhost:4317, or leave it empty to export nothing.");
        }

        return endpoint;
    }
}
