using System.Net;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_traces_and_metrics_reach_the_collector_by_graceful_shutdown()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        using var data = TempDirectory.Create();
        await using var silo = SiloProcess.Serve(data.Path, environment: new Dictionary<string, string?>
        {
            ["CommerceBrain__Telemetry__OtlpEndpoint"] = collector.Address.ToString(),
            ["CommerceBrain__Telemetry__OtlpProtocol"] = "HttpProtobuf",
        });
        using var client = await silo.WaitUntilReadyAsync();
        using (var response = await client.GetAsync("/openapi/v1.json"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        silo.Terminate();

        Assert.Equal(0, await silo.WaitForExitAsync());
        var requests = collector.Requests.ToArray();
        Assert.Contains(requests, r => r.Path == "/v1/traces" && r.ContentType == "application/x-protobuf" && r.Length > 0);
        Assert.Contains(requests, r => r.Path == "/v1/metrics" && r.ContentType == "application/x-protobuf" && r.Length > 0);
    }

    [Fact]
    public async Task An_otlp_endpoint_that_is_not_a_url_stops_start_up_naming_the_setting()
    {
        using var data = TempDirectory.Create();

        var stderr = await StartupValidationTests.RefusedStartAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path],
            new Dictionary<string, string?> { ["CommerceBrain__Telemetry__OtlpEndpoint"] = "collector:4317" });

        Assert.Contains("CommerceBrain:Telemetry:OtlpEndpoint", stderr, StringComparison.Ordinal);
    }
}
