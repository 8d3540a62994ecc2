using System.Net;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_openapi_document_is_served_and_describes_the_api()
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("CommerceBrain", document.GetProperty("info").GetProperty("title").GetString());
        var counter = document.GetProperty("paths").GetProperty("/api/diagnostics/counters/{name}");
        Assert.True(counter.TryGetProperty("post", out _));
        Assert.True(counter.TryGetProperty("put", out _));
        Assert.True(counter.TryGetProperty("get", out _));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_session_and_order_endpoints()
    {
        await using var silo = await TestSilo.StartAsync();

        var paths = JsonDocument.Parse(await silo.Client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        Assert.True(paths.GetProperty("/api/sessions").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/sessions/{id}/messages").TryGetProperty("post", out var send));
        Assert.True(paths.GetProperty("/api/sessions/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/sessions/{id}/close").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/me/orders").TryGetProperty("get", out _));
        Assert.True(send.TryGetProperty("security", out _), "sending a message needs a bearer token");
    }
}
