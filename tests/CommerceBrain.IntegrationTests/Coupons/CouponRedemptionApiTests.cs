using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests.Coupons;

/// <summary>Redemption at checkout, return on refund and "my coupons" over HTTP against the real silo and ledger.</summary>
public sealed class CouponRedemptionApiTests(CouponSilo fixture) : IClassFixture<CouponSilo>
{
    private TestSilo Silo => fixture.Silo;

    private HttpClient Operator => Silo.ClientAs("agent-1", Roles.Agent);

    private HttpClient Customer(string id) => Silo.ClientAs(id, Roles.Customer);

    private async Task<string> CouponFor(string customerId, bool returnOnRefund = true)
    {
        var body = new JsonObject
        {
            ["name"] = "Checkout test",
            ["budget"] = 10_000,
            ["tiers"] = new JsonArray(new JsonObject { ["faceValue"] = 500, ["minSpend"] = 3_000 }),
            ["perUserLimit"] = 1,
            ["endsAt"] = DateTimeOffset.UtcNow.AddDays(1),
            ["shards"] = 1,
            ["returnOnRefund"] = returnOnRefund,
        };
        using var created = await Silo.ClientAs("admin-1", Roles.Admin).PostAsJsonAsync("/api/campaigns", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(returnOnRefund, campaign.GetProperty("returnOnRefund").GetBoolean());
        using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaign.GetProperty("id").GetString()}/claims");
        claim.Headers.Add("Idempotency-Key", "k1");
        using var granted = await Customer(customerId).SendAsync(claim);
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        return (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("couponId").GetString()!;
    }

    private Task<HttpResponseMessage> Redeem(string customerId, string couponId, string orderId, long orderTotal = 4_000) =>
        Customer(customerId).PostAsJsonAsync($"/api/coupons/{couponId}/redemptions", new { orderId, orderTotal });

    private static async Task<string?> Reason(HttpResponseMessage response) =>
        (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("reason").GetString();

    [Fact]
    public async Task A_coupon_is_redeemed_once_and_the_same_order_gets_the_same_answer()
    {
        var coupon = await CouponFor("r-ann");

        using var first = await Redeem("r-ann", coupon, "o-1");
        using var again = await Redeem("r-ann", coupon, "o-1");
        using var other = await Redeem("r-ann", coupon, "o-2");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var applied = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(500, applied.GetProperty("amount").GetInt64());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(applied.GetProperty("redeemedAt").GetDateTimeOffset(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redeemedAt").GetDateTimeOffset());
        Assert.Equal("already_redeemed", await Reason(other));
    }

    [Fact]
    public async Task Another_customers_or_an_unknown_coupon_is_not_found()
    {
        var coupon = await CouponFor("r-ben");

        using var stranger = await Redeem("r-mallory", coupon, "o-1");
        using var unknown = await Redeem("r-ben", "not-a-coupon", "o-1");

        await ProblemAssert.IsProblemAsync(stranger, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_bodies_and_small_orders_are_clear_4xx()
    {
        var coupon = await CouponFor("r-cara");

        using var noOrder = await Customer("r-cara").PostAsJsonAsync($"/api/coupons/{coupon}/redemptions", new { orderTotal = 4_000 });
        using var negative = await Redeem("r-cara", coupon, "o-1", orderTotal: -5);
        using var small = await Redeem("r-cara", coupon, "o-1", orderTotal: 2_999);

        var problem = await ProblemAssert.IsProblemAsync(noOrder, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("orderId", out _));
        Assert.True((await ProblemAssert.IsProblemAsync(negative, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("orderTotal", out _));
        Assert.Equal("below_min_spend", await Reason(small));
    }

    [Fact]
    public async Task An_operator_returns_a_refunded_coupon_and_it_can_be_redeemed_again()
    {
        var coupon = await CouponFor("r-dan");
        using var first = await Redeem("r-dan", coupon, "o-1");

        using var byCustomer = await Customer("r-dan").PostAsJsonAsync($"/api/coupons/{coupon}/return", new { orderId = "o-1" });
        using var wrongOrder = await Operator.PostAsJsonAsync($"/api/coupons/{coupon}/return", new { orderId = "o-9" });
        using var returned = await Operator.PostAsJsonAsync($"/api/coupons/{coupon}/return", new { orderId = "o-1" });
        var afterReturn = await Customer("r-dan").GetFromJsonAsync<JsonElement>("/api/me/coupons");
        using var second = await Redeem("r-dan", coupon, "o-2");
        var afterSecond = await Customer("r-dan").GetFromJsonAsync<JsonElement>("/api/me/coupons");

        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        Assert.Equal("not_redeemed", await Reason(wrongOrder));
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("available", afterReturn.EnumerateArray().Single().GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var mine = afterSecond.EnumerateArray().Single();
        Assert.Equal(("redeemed", "o-2", 3_000L), (mine.GetProperty("status").GetString(), mine.GetProperty("orderId").GetString(), mine.GetProperty("minSpend").GetInt64()));
    }

    [Fact]
    public async Task A_campaign_without_returns_keeps_the_coupon_used()
    {
        var coupon = await CouponFor("r-eve", returnOnRefund: false);
        using var first = await Redeem("r-eve", coupon, "o-1");

        using var returned = await Operator.PostAsJsonAsync($"/api/coupons/{coupon}/return", new { orderId = "o-1" });

        Assert.Equal("not_returnable", await Reason(returned));
    }

    [Fact]
    public async Task My_coupons_lists_only_my_own_coupons()
    {
        var mine = await CouponFor("r-fay");
        await CouponFor("r-gus");

        var list = await Customer("r-fay").GetFromJsonAsync<JsonElement>("/api/me/coupons");

        var coupon = Assert.Single(list.EnumerateArray());
        Assert.Equal((mine, "available", 500L), (coupon.GetProperty("couponId").GetString(), coupon.GetProperty("status").GetString(), coupon.GetProperty("value").GetInt64()));
    }

    [Fact]
    public async Task An_operator_approving_the_refund_of_an_order_makes_its_coupon_available_again()
    {
        await RefundReturnsCouponScenario.RunAsync(Silo, "sqlite");
    }

    [Fact]
    public async Task The_openapi_document_describes_redemption_return_and_my_coupons()
    {
        using var response = await Silo.Client.GetAsync("/openapi/v1.json");

        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/coupons/{couponId}/redemptions").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/coupons/{couponId}/return").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/me/coupons").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/orders/{id}/refunds/{refundId}/decision").TryGetProperty("post", out _));
    }
}
