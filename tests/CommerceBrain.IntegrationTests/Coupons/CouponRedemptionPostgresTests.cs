using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests.Coupons;

/// <summary>Redemption and return on PostgreSQL (timestamptz columns, upsert), through the real silo.</summary>
public sealed class CouponRedemptionPostgresTests
{
    [Fact]
    public async Task On_postgresql_a_coupon_is_redeemed_once_returned_and_redeemed_again()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var silo = await TestSilo.StartAsync(waitForNlu: false, configuration: new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = database.ConnectionString,
            ["CommerceBrain:Commerce:SeedDemoData"] = "false",
        });
        var customer = silo.ClientAs("pg-ann", Roles.Customer);
        using var created = await silo.ClientAs("admin-1", Roles.Admin).PostAsJsonAsync("/api/campaigns", new JsonObject
        {
            ["name"] = "PG checkout",
            ["budget"] = 10_000,
            ["tiers"] = new JsonArray(new JsonObject { ["faceValue"] = 500, ["minSpend"] = 0 }),
            ["perUserLimit"] = 1,
            ["endsAt"] = DateTimeOffset.UtcNow.AddDays(1),
            ["shards"] = 1,
        });
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaignId}/claims");
        claim.Headers.Add("Idempotency-Key", "k1");
        using var granted = await customer.SendAsync(claim);
        var coupon = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("couponId").GetString();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            customer.PostAsJsonAsync($"/api/coupons/{coupon}/redemptions", new { orderId = $"o-{i}", orderTotal = 2_000 })));
        var winner = Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.Created);
        var order = (await winner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString();
        Assert.Equal(9, attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        using var returned = await silo.ClientAs("agent-1", Roles.Agent).PostAsJsonAsync($"/api/coupons/{coupon}/return", new { orderId = order });
        var afterReturn = await customer.GetFromJsonAsync<JsonElement>("/api/me/coupons");
        using var again = await customer.PostAsJsonAsync($"/api/coupons/{coupon}/redemptions", new { orderId = "o-new", orderTotal = 2_000 });

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("available", afterReturn.EnumerateArray().Single().GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        foreach (var attempt in attempts)
        {
            attempt.Dispose();
        }
    }

    [Fact]
    public async Task On_postgresql_approving_the_refund_of_an_order_makes_its_coupon_available_again()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var silo = await TestSilo.StartAsync(waitForNlu: false, configuration: new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = database.ConnectionString,
            ["CommerceBrain:Commerce:SeedDemoData"] = "false",
        });

        await RefundReturnsCouponScenario.RunAsync(silo, "pg");
    }
}
