using CommerceBrain.Silo.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace CommerceBrain.Silo.Telemetry;

/// <summary>Registers OpenTelemetry export for the silo.</summary>
public static class TelemetrySetup
{
    /// <summary>Binds <see cref="TelemetryOptions"/> and registers <see cref="TelemetryProviders"/> (built when the host starts building).</summary>
    public static IServiceCollection AddCommerceBrainTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
            return new TelemetryProviders(options, ResolveEndpoint(options, configuration), ResolveProtocol(options, configuration));
        });
        return services;
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
