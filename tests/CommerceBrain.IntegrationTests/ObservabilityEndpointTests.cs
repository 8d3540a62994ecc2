using System.Net;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

public sealed class ObservabilityEndpointTests
{
    [Fact]
    public async Task Metrics_are_scraped_as_prometheus_text_with_http_orleans_runtime_and_our_own_meters()
    {
        await using var silo = await TestSilo.StartAsync();
        await silo.Client.IncrementAsync("scraped");

        var text = await Eventually.ValueAsync(
            async () =>
            {
                using var response = await silo.Client.GetAsync("/metrics");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                return body.Contains("orleans_app_requests_latency", StringComparison.Ordinal) ? body : null;
            },
            "the Orleans request metrics to be scraped");

        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
        Assert.Contains("commercebrain_storage_grain_state_writes_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_off_outside_development()
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.GetAsync("/dashboard/");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served_when_configured()
    {
        await using var silo = await TestSilo.StartAsync(configuration: new Dictionary<string, string?> { ["CommerceBrain:Dashboard:Enabled"] = "true" });

        using var response = await silo.Client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
