using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace CommerceBrain.IntegrationTests.Operations;

/// <summary>
/// The operations endpoint of any silo shows the whole cluster: two real silo processes on one PostgreSQL database, traffic
/// through each, the same totals and both silos read through either; after one is SIGKILLed the other still answers and
/// shows the dead one as no longer reporting.
/// </summary>
public sealed class OperationsClusterTests(ITestOutputHelper output)
{
    private const string Path = "/api/operations/metrics";

    [Fact]
    public async Task Either_silo_shows_both_silos_and_the_clusters_traffic_and_a_killed_silo_stops_reporting()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var clusterId = "ops-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = ClusterSilo.Start(database.ConnectionString, clusterId, TestTokens.Environment);
        await using var b = ClusterSilo.Start(database.ConnectionString, clusterId, TestTokens.Environment);
        var readyA = a.Process.WaitUntilReadyAsync();
        var readyB = b.Process.WaitUntilReadyAsync();
        using var siloA = await readyA;
        using var siloB = await readyB;
        await ActiveAsync(database, clusterId, a);
        await ActiveAsync(database, clusterId, b);

        // One session opened through each silo.
        await OpenSessionAsync(siloA, "c-ops-a");
        await OpenSessionAsync(siloB, "c-ops-b");

        using var adminA = Admin(siloA);
        using var adminB = Admin(siloB);
        foreach (var (admin, name) in new[] { (adminA, "A"), (adminB, "B") })
        {
            var view = await Eventually.ValueAsync(async () =>
            {
                var body = JsonNode.Parse(await admin.GetStringAsync(Path))!;
                var silos = body["silos"]!.AsArray();
                var bothReport = silos.Count == 2 && silos.All(s => (bool)s!["reporting"]! && (int?)s["activations"] > 0);
                return bothReport && (long)body["totals"]!["sessionsOpened"]! == 2 ? body : null;
            }, $"both silos and both sessions through silo {name}", TimeSpan.FromSeconds(90));
            output.WriteLine($"Through {name}: {view["silos"]!.ToJsonString()}");
            Assert.Contains(view["silos"]!.AsArray(), s => ((string)s!["address"]!).Contains($":{a.SiloPort}:", StringComparison.Ordinal));
            Assert.Contains(view["silos"]!.AsArray(), s => ((string)s!["address"]!).Contains($":{b.SiloPort}:", StringComparison.Ordinal));
        }

        await a.Process.KillAsync();

        // B answers on its own (the metrics grain is re-activated on B if it lived on A) and shows A silent or gone.
        var after = await Eventually.ValueAsync(async () =>
        {
            using var response = await adminB.GetAsync(Path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var silos = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["silos"]!.AsArray();
            var aRow = silos.FirstOrDefault(s => ((string)s!["address"]!).Contains($":{a.SiloPort}:", StringComparison.Ordinal));
            var bRow = silos.FirstOrDefault(s => ((string)s!["address"]!).Contains($":{b.SiloPort}:", StringComparison.Ordinal));
            return bRow is not null && (bool)bRow["reporting"]! && (aRow is null || !(bool)aRow["reporting"]!) ? silos : null;
        }, "silo B's view without silo A", TimeSpan.FromSeconds(120));
        output.WriteLine($"After the kill, through B: {after.ToJsonString()}");
    }

    private static HttpClient Admin(HttpClient silo)
    {
        var client = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("ops-admin", Roles.Admin));
        return client;
    }

    private static async Task OpenSessionAsync(HttpClient silo, string customerId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = JsonContent.Create(new { channel = "web" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(customerId, Roles.Customer));
        using var response = await silo.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static Task ActiveAsync(PostgresTestDatabase database, string clusterId, ClusterSilo silo) =>
        Eventually.UntilAsync(
            async () => await MembershipTable.StatusAsync(database.ConnectionString, clusterId, silo.SiloPort) == MembershipTable.Active,
            $"the silo on port {silo.SiloPort.ToString(CultureInfo.InvariantCulture)} to be Active in the membership table");
}
