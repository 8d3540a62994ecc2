using CommerceBrain.Silo.Hosting;
using CommerceBrain.Silo.Telemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace CommerceBrain.IntegrationTests;

public sealed class TelemetrySettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Without_an_endpoint_nothing_is_exported()
    {
        Assert.Null(TelemetrySetup.ResolveEndpoint(new TelemetryOptions(), Configuration()));
    }

    [Fact]
    public void The_standard_otel_variable_is_the_fallback_and_our_setting_wins()
    {
        var configuration = Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://standard:4317"));

        Assert.Equal(new Uri("http://standard:4317"), TelemetrySetup.ResolveEndpoint(new TelemetryOptions(), configuration));
        Assert.Equal(new Uri("http://ours:4317"),
            TelemetrySetup.ResolveEndpoint(new TelemetryOptions { OtlpEndpoint = "http://ours:4317" }, configuration));
    }

    [Fact]
    public void A_bad_standard_variable_is_refused_naming_it()
    {
        var ex = Assert.Throws<SiloConfigurationException>(() =>
            TelemetrySetup.ResolveEndpoint(new TelemetryOptions(), Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://x"))));

        Assert.Equal("OTEL_EXPORTER_OTLP_ENDPOINT", ex.Setting);
    }

    [Theory]
    [InlineData(null, OtlpExportProtocol.Grpc)]
    [InlineData("grpc", OtlpExportProtocol.Grpc)]
    [InlineData("http/protobuf", OtlpExportProtocol.HttpProtobuf)]
    public void The_protocol_follows_the_standard_variable(string? value, OtlpExportProtocol expected)
    {
        var configuration = value is null ? Configuration() : Configuration(("OTEL_EXPORTER_OTLP_PROTOCOL", value));

        Assert.Equal(expected, TelemetrySetup.ResolveProtocol(new TelemetryOptions(), configuration));
    }

    [Fact]
    public void An_unsupported_protocol_is_refused_naming_the_variable()
    {
        var ex = Assert.Throws<SiloConfigurationException>(() =>
            TelemetrySetup.ResolveProtocol(new TelemetryOptions(), Configuration(("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"))));

        Assert.Equal("OTEL_EXPORTER_OTLP_PROTOCOL", ex.Setting);
    }
}
