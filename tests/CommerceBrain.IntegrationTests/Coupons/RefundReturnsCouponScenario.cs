using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Storage;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.IntegrationTests.Coupons;

/// <summary>
/// Claim → redeem on a real order → operator approves the refund → the coupon is available again, over HTTP against one
/// silo (SQLite or PostgreSQL), with the bad-input answers of the decision endpoint along the way.
/// </summary>
internal static class RefundReturnsCouponScenario
{
    private const long Price = 4_000;

    public static async Task RunAsync(TestSilo silo, string tag)
    {
        var customerId = $"cust-{tag}";
        var merchantId = $"m-{tag}";
        await AddMarketplaceAsync(silo, customerId, merchantId);
        using var admin = silo.ClientAs("admin-1", Roles.Admin);
        using var agent = silo.ClientAs("agent-1", Roles.Agent);
        using var customer = silo.ClientAs(customerId, Roles.Customer);
        var coupon = await ClaimAsync(admin, customer);

        using var created = await admin.PostAsJsonAsync("/api/orders", new
        {
            customerId,
            merchantId,
            lines = new[] { new { sku = $"sku-{tag}", quantity = 1 } },
            shippingAddress = "1 Test Road",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var orderId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
        using var redeemed = await customer.PostAsJsonAsync($"/api/coupons/{coupon}/redemptions", new { orderId, orderTotal = Price });
        Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);
        var requested = await silo.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(orderId)
            .RequestRefund(new RefundRequest(customerId, null, "Changed my mind", "req-1"));
        var refundId = requested.Refund!.RefundId;
        var url = $"/api/orders/{orderId}/refunds/{refundId}/decision";
        Assert.Equal("redeemed", await CouponStatusAsync(customer));

        using var byCustomer = await Decide(customer, url, "k-1", new { approve = true });
        using var noKey = await agent.PostAsJsonAsync(url, new { approve = true });
        using var noApprove = await Decide(agent, url, "k-1", new { reason = "?" });
        using var unknownRefund = await Decide(agent, $"/api/orders/{orderId}/refunds/rf-nope/decision", "k-1", new { approve = true });
        using var unknownOrder = await Decide(agent, "/api/orders/2020010100001/refunds/rf-1/decision", "k-1", new { approve = true });
        Assert.Equal("redeemed", await CouponStatusAsync(customer));

        using var approved = await Decide(agent, url, "k-1", new { approve = true, reason = "Returned to the shop" });
        var afterApproval = await CouponStatusAsync(customer);
        using var retried = await Decide(agent, url, "k-1", new { approve = true, reason = "Returned to the shop" });
        using var rejected = await Decide(agent, url, "k-2", new { approve = false });

        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        Assert.True((await ProblemAssert.IsProblemAsync(noKey, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.True((await ProblemAssert.IsProblemAsync(noApprove, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("approve", out _));
        await ProblemAssert.IsProblemAsync(unknownRefund, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(unknownOrder, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var order = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Refunded", "Paid"), (order.GetProperty("status").GetString(), order.GetProperty("refunds")[0].GetProperty("status").GetString()));
        Assert.Equal("available", afterApproval);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await ProblemAssert.IsProblemAsync(rejected, HttpStatusCode.Conflict);
        Assert.Equal("available", await CouponStatusAsync(customer));
        using var again = await customer.PostAsJsonAsync($"/api/coupons/{coupon}/redemptions", new { orderId = "another-order", orderTotal = Price });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    private static async Task<string> ClaimAsync(HttpClient admin, HttpClient customer)
    {
        using var created = await admin.PostAsJsonAsync("/api/campaigns", new JsonObject
        {
            ["name"] = "Refund test",
            ["budget"] = 10_000,
            ["tiers"] = new JsonArray(new JsonObject { ["faceValue"] = 500, ["minSpend"] = 3_000 }),
            ["perUserLimit"] = 1,
            ["endsAt"] = DateTimeOffset.UtcNow.AddDays(1),
            ["shards"] = 1,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaignId}/claims");
        claim.Headers.Add("Idempotency-Key", "k1");
        using var granted = await customer.SendAsync(claim);
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        return (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("couponId").GetString()!;
    }

    private static async Task<HttpResponseMessage> Decide(HttpClient client, string url, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<string?> CouponStatusAsync(HttpClient customer) =>
        (await customer.GetFromJsonAsync<JsonElement>("/api/me/coupons")).EnumerateArray().Single().GetProperty("status").GetString();

    // The silo starts without demo data: one merchant, product and customer are enough for an order.
    private static async Task AddMarketplaceAsync(TestSilo silo, string customerId, string merchantId)
    {
        var store = silo.App.Services.GetRequiredService<CommerceStore>();
        await store.InsertRowsAsync(CommerceTables.Merchants, ["merchant_id", "name", "category", "created_at_ms"], [[merchantId, "Test shop", "general", 0L]]);
        await store.InsertRowsAsync(CommerceTables.Products, ["sku", "merchant_id", "title", "price_minor", "currency"],
            [[$"sku-{merchantId[2..]}", merchantId, "Kettle", Price, "CNY"]]);
        await store.InsertRowsAsync(CommerceTables.Customers, ["customer_id", "display_name", "segment", "language", "joined_at_ms"],
            [[customerId, "Test Customer", "regular", "en", 0L]]);
    }
}
