using System.Net;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_answers_200_while_the_process_serves_http()
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }
}
