using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Coupons;
using CommerceBrain.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace CommerceBrain.IntegrationTests;

/// <summary>
/// Coupon budgets in cluster mode: two real silo processes on one PostgreSQL database take a claim storm over HTTP,
/// one is killed with SIGKILL mid-storm, the other keeps granting, the killed one comes back, and the storm runs the
/// budget dry. The ledger in the database then shows no overspend, no coupon twice, every acknowledged coupon with
/// its value, the per-user limit held for customers who claimed on both silos at once, and the campaign's stats agree.
/// </summary>
public sealed class CouponClusterCrashTests(ITestOutputHelper output)
{
    private const long FaceValue = 100;
    private const long Budget = 400 * FaceValue;
    private const int PerUserLimit = 2;
    private const int Shards = 8;
    private const int WorkersPerSilo = 4;

    [Fact]
    public async Task A_silo_killed_in_a_claim_storm_loses_no_acknowledged_coupon_and_the_cluster_never_overspends()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var clusterId = "coupons-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = ClusterSilo.Start(database.ConnectionString, clusterId, TestTokens.Environment);
        await using var b = ClusterSilo.Start(database.ConnectionString, clusterId, TestTokens.Environment);
        var readyA = a.Process.WaitUntilReadyAsync();
        var readyB = b.Process.WaitUntilReadyAsync();
        using var clientA = await readyA;
        using var clientB = await readyB;
        await ActiveAsync(database, clusterId, a);
        await ActiveAsync(database, clusterId, b);

        var campaignId = await CreateCampaignAsync(clientA);
        var storm = new ClaimStorm(campaignId);
        storm.Start(clientA, "A", WorkersPerSilo);
        storm.Start(clientB, "B", WorkersPerSilo);
        await Eventually.UntilAsync(() => Task.FromResult(storm.Acknowledged >= 120), "120 acknowledged claims on both silos");

        await a.Process.KillAsync();   // SIGKILL with claims in flight through A and grains of the campaign on A

        var throughB = storm.AcknowledgedThrough("B");
        await Eventually.UntilAsync(() => Task.FromResult(storm.AcknowledgedThrough("B") >= throughB + 80),
            "80 more acknowledged claims through the surviving silo");
        await storm.StopAsync();

        await using var restarted = ClusterSilo.Start(database.ConnectionString, clusterId, TestTokens.Environment);
        using var clientA2 = await restarted.Process.WaitUntilReadyAsync();
        await ActiveAsync(database, clusterId, restarted);
        // Both silos again, the restarted one now hosting some of the campaign's grains, until the budget is spent.
        storm.Start(clientA2, "A2", WorkersPerSilo);
        storm.Start(clientB, "B2", WorkersPerSilo);
        await Eventually.UntilAsync(() => Task.FromResult(storm.BudgetExhausted), "the storm to spend the whole budget");
        await storm.StopAsync();

        var answers = storm.Answers.ToList();
        output.WriteLine(string.Join(", ", answers.GroupBy(x => (x.Silo, x.Status)).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.Silo} {g.Key.Status?.ToString() ?? "no answer"}: {g.Count()}")));
        var unexpected = answers.Where(x => x.Status is not (null or 201 or 200 or 409 or 429 or 503)).ToList();
        Assert.True(unexpected.Count == 0, $"Unexpected answers: {string.Join("; ", unexpected.Take(5))}");

        // A customer who was told of a coupon gets that very coupon again for the same key, through either silo.
        var acknowledged = answers.Where(x => x.Acknowledged).ToList();
        foreach (var (customer, key) in acknowledged.Where(x => x.Customer.StartsWith("hot-", StringComparison.Ordinal))
                     .Select(x => (x.Customer, x.Key)).Distinct())
        {
            foreach (var (client, silo) in new[] { (clientA2, "A2"), (clientB, "B") })
            {
                var again = await storm.ClaimAsync(client, silo, customer, key);
                Assert.Equal(200, again.Status);
            }
        }

        acknowledged = [.. storm.Answers.Where(x => x.Acknowledged)];
        var ledger = await ReadLedgerAsync(database, campaignId);
        var spent = ledger.Sum(r => r.Value);
        output.WriteLine($"{acknowledged.Count} acknowledged answers; the ledger holds {ledger.Count} grants of {spent} of {Budget}.");

        Assert.True(spent <= Budget, $"Overspend: {spent} granted of a budget of {Budget}.");
        Assert.True(Budget - spent < Shards * FaceValue, $"The storm ended on budget_exhausted with {Budget - spent} of {Budget} never granted.");
        var twice = ledger.GroupBy(r => r.CouponId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Coupons granted twice: {string.Join(", ", twice)}");
        var greedy = ledger.GroupBy(r => r.Customer).Where(g => g.Count() > PerUserLimit).Select(g => $"{g.Key} ({g.Count()})").ToList();
        Assert.True(greedy.Count == 0, $"Customers over the per-user limit of {PerUserLimit}: {string.Join(", ", greedy)}");

        var rows = ledger.ToDictionary(r => r.CouponId);
        foreach (var answer in acknowledged)
        {
            Assert.True(rows.TryGetValue(answer.CouponId!, out var row), $"Acknowledged coupon {answer.CouponId} ({answer}) is not in the ledger.");
            Assert.Equal((answer.Customer, answer.Key, answer.Value!.Value), (row.Customer, row.Key, row.Value));
        }

        foreach (var sameKey in acknowledged.GroupBy(x => (x.Customer, x.Key)))
        {
            var coupons = sameKey.Select(x => x.CouponId).Distinct().ToList();
            Assert.True(coupons.Count == 1, $"{sameKey.Key.Customer} got {coupons.Count} coupons for key {sameKey.Key.Key}: {string.Join(", ", coupons)}");
        }

        // The shards' figures (rebuilt from the ledger where their silo died) and the campaign's leases agree with it.
        JsonElement stats = default;
        await Eventually.UntilAsync(async () =>
        {
            stats = await StatsAsync(clientB, campaignId);
            return stats.GetProperty("grantedCount").GetInt64() == ledger.Count;
        }, "the campaign's stats to count the ledger's grants");
        Assert.Equal(spent, stats.GetProperty("grantedAmount").GetInt64());
        Assert.Equal(Budget - spent, stats.GetProperty("remaining").GetInt64());
        Assert.InRange(stats.GetProperty("leased").GetInt64(), spent, Budget);
    }

    private static Task ActiveAsync(PostgresTestDatabase database, string clusterId, ClusterSilo silo) =>
        Eventually.UntilAsync(
            async () => await MembershipTable.StatusAsync(database.ConnectionString, clusterId, silo.SiloPort) == MembershipTable.Active,
            $"the silo on port {silo.SiloPort} to be Active in the membership table");

    private static async Task<string> CreateCampaignAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns")
        {
            Content = JsonContent.Create(new
            {
                name = "cluster storm",
                budget = Budget,
                tiers = new[] { new { faceValue = FaceValue, minSpend = 0L } },
                perUserLimit = PerUserLimit,
                endsAt = DateTimeOffset.UtcNow.AddDays(1),
                shards = Shards,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("admin-storm", "admin"));
        using var response = await client.SendAsync(request);
        Assert.Equal(201, (int)response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> StatsAsync(HttpClient client, string campaignId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{campaignId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("admin-storm", "admin"));
        using var response = await client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("stats").Clone();
    }

    private sealed record Row(string CouponId, string Customer, string Key, long Value);

    private static async Task<List<Row>> ReadLedgerAsync(PostgresTestDatabase database, string campaignId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coupon_id, customer_id, idempotency_key, value FROM coupon_grants WHERE campaign_id = @campaign", connection);
        command.Parameters.AddWithValue("campaign", campaignId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return rows;
    }
}
