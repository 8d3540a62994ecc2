using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.Hosting;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>
/// A silo as <c>./build.sh run</c> starts it for a demo: Development (dev tokens), embedded SQLite, the demo data seeded
/// on first start, the trained NLU models loaded; on a loopback port for the browser. Ready once demo customer
/// <see cref="Customer"/> has orders.
/// </summary>
public sealed class DemoSiloFixture : IAsyncLifetime
{
    /// <summary>The page's default demo customer.</summary>
    public const string Customer = "c-00001";

    /// <summary>Seeding 20,000 orders runs in the background after start (about 5 s here); a loaded CI machine gets more time.</summary>
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(3);

    public TestSilo Silo { get; private set; } = null!;

    /// <summary>The customer's order ids, as <c>GET /api/me/orders</c> lists them.</summary>
    public IReadOnlyList<string> CustomerOrderIds { get; private set; } = [];

    public string Url(string pathAndQuery = "/") => new Uri(Silo.Address!, pathAndQuery).ToString();

    public async Task InitializeAsync()
    {
        // Test silos skip the demo data unless asked; this one is the demo.
        Silo = await TestSilo.StartAsync(new ServeSettings(Environment: "Development"), listenOnLoopback: true,
            configuration: new Dictionary<string, string?> { ["CommerceBrain:Commerce:SeedDemoData"] = "true" });
        var token = await CustomerTokenAsync();
        CustomerOrderIds = await Eventually.ValueAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/orders");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await Silo.Client.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var ids = OrderIds(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
            return ids.Count > 0 ? ids : null;
        }, $"the demo data (orders of {Customer})", SeedTimeout);
    }

    public async Task<string> CustomerTokenAsync()
    {
        using var response = await Silo.Client.PostAsJsonAsync("/api/dev/tokens", new { subject = Customer, role = "customer" });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"POST /api/dev/tokens answered {(int)response.StatusCode}: the silo in Development must issue demo tokens. "
                + await response.Content.ReadAsStringAsync());
        }

        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!;
    }

    // The list may come bare or in an envelope; the page accepts both, so the test does too.
    private static List<string> OrderIds(JsonNode? payload)
    {
        var list = payload as JsonArray ?? payload?["orders"] as JsonArray ?? payload?["items"] as JsonArray ?? [];
        return list.Select(o => (string?)o?["orderId"]).OfType<string>().ToList();
    }

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }
}
