using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests.Coupons;

/// <summary>Campaign management and claims over HTTP against the real silo and ledger.</summary>
public sealed class CouponApiTests(CouponSilo fixture) : IClassFixture<CouponSilo>
{
    private TestSilo Silo => fixture.Silo;

    private HttpClient Admin => Silo.ClientAs("admin-1", Roles.Admin);

    private static JsonObject CampaignBody(long budget = 10_000, int perUserLimit = 1, int shards = 2, int? maxClaimsPerSecond = null,
        JsonObject? eligibility = null) => new()
    {
        ["name"] = "Flash sale",
        ["budget"] = budget,
        ["tiers"] = new JsonArray(new JsonObject { ["faceValue"] = 500, ["minSpend"] = 3_000 }, new JsonObject { ["faceValue"] = 1_000, ["minSpend"] = 8_000 }),
        ["perUserLimit"] = perUserLimit,
        ["endsAt"] = DateTimeOffset.UtcNow.AddDays(1),
        ["eligibility"] = eligibility,
        ["maxClaimsPerSecond"] = maxClaimsPerSecond,
        ["shards"] = shards,
    };

    private async Task<string> CreateCampaign(JsonObject? body = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/campaigns", body ?? CampaignBody());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var campaign = await response.Content.ReadFromJsonAsync<JsonElement>();
        return campaign.GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> Claim(string campaignId, string customerId, string? key, string? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaignId}/claims");
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return Silo.ClientAs(customerId, Roles.Customer).SendAsync(request);
    }

    private static async Task<string?> Reason(HttpResponseMessage response) =>
        (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("reason").GetString();

    [Fact]
    public async Task An_admin_creates_a_campaign_and_reads_it_back_with_its_figures()
    {
        using var created = await Admin.PostAsJsonAsync("/api/campaigns", CampaignBody(budget: 50_000));
        var campaign = await created.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = campaign.GetProperty("id").GetString();
        Assert.Equal($"/api/campaigns/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("active", campaign.GetProperty("status").GetString());
        Assert.Equal("lowest", campaign.GetProperty("allocation").GetString());

        using var claim = await Claim(id!, "cust-read", "k1");
        var read = await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        var stats = read.GetProperty("stats");
        Assert.Equal(1, stats.GetProperty("grantedCount").GetInt64());
        Assert.Equal(500, stats.GetProperty("grantedAmount").GetInt64());
        Assert.Equal(49_500, stats.GetProperty("remaining").GetInt64());
    }

    [Fact]
    public async Task A_customer_cannot_create_or_read_campaigns()
    {
        var customer = Silo.ClientAs("cust-nosy", Roles.Customer);

        using var create = await customer.PostAsJsonAsync("/api/campaigns", CampaignBody());
        using var read = await customer.GetAsync($"/api/campaigns/{await CreateCampaign()}");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Fact]
    public async Task Bad_campaigns_are_refused_with_the_fields_named()
    {
        var body = CampaignBody(budget: 0);
        body["tiers"] = new JsonArray();
        body["endsAt"] = DateTimeOffset.UtcNow.AddDays(-1);

        using var response = await Admin.PostAsJsonAsync("/api/campaigns", body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("budget", out _));
        Assert.True(errors.TryGetProperty("tiers", out _));
        Assert.True(errors.TryGetProperty("endsAt", out _));
    }

    [Theory]
    [InlineData("best")]
    [InlineData("optimised")]   // test silos do not train the conversion model unless asked (TestSilo)
    public async Task An_allocation_the_silo_cannot_serve_is_refused_with_the_field_named(string allocation)
    {
        var body = CampaignBody();
        body["allocation"] = allocation;

        using var response = await Admin.PostAsJsonAsync("/api/campaigns", body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("allocation", out _));
    }

    [Fact]
    public async Task A_claim_is_granted_once_and_a_repeated_key_returns_the_same_coupon()
    {
        var id = await CreateCampaign();

        using var first = await Claim(id, "cust-1", "order-1");
        using var again = await Claim(id, "cust-1", "order-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var granted = await first.Content.ReadFromJsonAsync<JsonElement>();
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(500, granted.GetProperty("value").GetInt64());
        Assert.True(granted.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(granted.GetProperty("couponId").GetString(), repeated.GetProperty("couponId").GetString());
    }

    [Fact]
    public async Task A_second_coupon_beyond_the_per_user_limit_is_a_409_per_user_limit()
    {
        var id = await CreateCampaign();
        using var first = await Claim(id, "cust-2", "a");

        using var second = await Claim(id, "cust-2", "b");

        Assert.Equal("per_user_limit", await Reason(second));
    }

    [Fact]
    public async Task When_the_budget_is_used_up_claims_are_a_409_budget_exhausted()
    {
        var id = await CreateCampaign(CampaignBody(budget: 1_000, shards: 1));
        using var one = await Claim(id, "cust-3a", "k");
        using var two = await Claim(id, "cust-3b", "k");

        using var three = await Claim(id, "cust-3c", "k");

        Assert.Equal(HttpStatusCode.Created, two.StatusCode);
        Assert.Equal("budget_exhausted", await Reason(three));
    }

    [Fact]
    public async Task A_paused_campaign_is_a_409_campaign_not_active_until_resumed()
    {
        var id = await CreateCampaign();

        using var paused = await Admin.PostAsync($"/api/campaigns/{id}/pause", null);
        using var refused = await Claim(id, "cust-4", "k");
        using var resumed = await Admin.PostAsync($"/api/campaigns/{id}/resume", null);
        using var granted = await Claim(id, "cust-4", "k");

        Assert.Equal("paused", (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("campaign_not_active", await Reason(refused));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
    }

    [Fact]
    public async Task A_customer_outside_the_campaigns_segments_is_a_409_not_eligible()
    {
        var id = await CreateCampaign(CampaignBody(eligibility: new JsonObject { ["segments"] = new JsonArray("vip") }));

        using var response = await Claim(id, "cust-unknown", "k");

        Assert.Equal("not_eligible", await Reason(response));
    }

    [Fact]
    public async Task A_customer_the_shop_does_not_know_yet_may_claim_a_new_customers_campaign()
    {
        var id = await CreateCampaign(CampaignBody(eligibility: new JsonObject { ["newCustomersOnly"] = true }));

        using var response = await Claim(id, "cust-brand-new", "k");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    public async Task A_missing_or_malformed_idempotency_key_is_a_400(string? key)
    {
        var id = await CreateCampaign();

        using var response = await Claim(id, "cust-5", key);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_idempotency_key_over_200_characters_is_a_400()
    {
        var id = await CreateCampaign();

        using var response = await Claim(id, "cust-6", new string('k', 201));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_422_and_grants_nothing_more()
    {
        var id = await CreateCampaign(CampaignBody(perUserLimit: 3));

        using var first = await Claim(id, "cust-body", "one-click", """{"channel":"chat"}""");
        using var same = await Claim(id, "cust-body", "one-click", """{"channel":"chat"}""");
        using var other = await Claim(id, "cust-body", "one-click", """{"channel":"app"}""");
        using var none = await Claim(id, "cust-body", "one-click");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        await ProblemAssert.IsProblemAsync(other, (HttpStatusCode)422);
        await ProblemAssert.IsProblemAsync(none, (HttpStatusCode)422);
        using var stats = await Admin.GetAsync($"/api/campaigns/{id}");
        var figures = (await stats.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stats");
        Assert.Equal(1, figures.GetProperty("grantedCount").GetInt64());
    }

    [Theory]
    [InlineData("""{"channel":"Chat Window"}""")]
    [InlineData("""{"channel":""}""")]
    [InlineData("""{"channel":"a-channel-name-well-over-thirty-two-chars"}""")]
    [InlineData("""{"channel":""")]
    public async Task A_malformed_claim_body_is_a_400_and_grants_nothing(string body)
    {
        var id = await CreateCampaign();

        using var response = await Claim(id, "cust-bad-body", "k", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        using var stats = await Admin.GetAsync($"/api/campaigns/{id}");
        Assert.Equal(0, (await stats.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stats").GetProperty("grantedCount").GetInt64());
    }

    [Fact]
    public async Task A_claim_on_an_unknown_campaign_is_a_404()
    {
        using var response = await Claim(Guid.NewGuid().ToString("N"), "cust-7", "k");
        using var malformed = await Claim("not-a-campaign", "cust-7", "k");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Claims_over_the_issuance_ceiling_are_a_429_with_retry_after()
    {
        var id = await CreateCampaign(CampaignBody(budget: 1_000_000, shards: 1, maxClaimsPerSecond: 1));

        // Twenty at once against one grant per second: most must be turned away rather than queued.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Claim(id, $"cust-rush-{i}", "k")));

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        await ProblemAssert.IsProblemAsync(refused[0], HttpStatusCode.TooManyRequests);
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_customer_sees_open_campaigns_and_not_paused_ones()
    {
        var open = await CreateCampaign();
        var paused = await CreateCampaign();
        using var pause = await Admin.PostAsync($"/api/campaigns/{paused}/pause", null);
        var customer = Silo.ClientAs("cust-browsing", Roles.Customer);

        var listed = await customer.GetFromJsonAsync<JsonElement>("/api/campaigns/open");

        var ids = listed.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains(open, ids);
        Assert.DoesNotContain(paused, ids);
        var mine = listed.EnumerateArray().Single(c => c.GetProperty("id").GetString() == open);
        Assert.Equal(500, mine.GetProperty("value").GetInt64());
        Assert.Equal(3_000, mine.GetProperty("minSpend").GetInt64());
    }
}
