using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceBrain.Coupons.Serving;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.IntegrationTests.Coupons;

/// <summary>
/// Optimised campaigns over HTTP: the silo trains its conversion model on first start, saves it under the data directory,
/// loads it on later starts, and refuses politely (503 + Retry-After, nothing granted) where it has no model.
/// </summary>
public sealed class OptimisedCampaignApiTests
{
    private static Dictionary<string, string?> Model(bool trainOnStart) => new()
    {
        ["CommerceBrain:Coupons:ConversionModel:TrainOnStart"] = trainOnStart ? "true" : "false",
        ["CommerceBrain:Coupons:ConversionModel:TrainingCustomers"] = "5000",
        // A low budget price: the optimiser finds a coupon worth its cost for a customer the shop does not know yet.
        ["CommerceBrain:Coupons:OptimiserInitialLambda"] = "1e-6",
    };

    private static async Task<TestSilo> StartAsync(string dataDirectory, bool trainOnStart)
    {
        var silo = await TestSilo.StartAsync(ServeSettings.None with { DataDirectory = dataDirectory }, configuration: Model(trainOnStart),
            waitForNlu: false);
        await silo.App.Services.GetRequiredService<ConversionModelState>().Settled.WaitAsync(Eventually.DefaultTimeout);
        return silo;
    }

    private static JsonObject OptimisedCampaign() => new()
    {
        ["name"] = "Optimised flash sale",
        ["budget"] = 100_000,
        ["tiers"] = new JsonArray(new JsonObject { ["faceValue"] = 500, ["minSpend"] = 3_000 }, new JsonObject { ["faceValue"] = 1_000, ["minSpend"] = 8_000 }),
        ["perUserLimit"] = 1,
        ["endsAt"] = DateTimeOffset.UtcNow.AddDays(1),
        ["shards"] = 2,
        ["allocation"] = "optimised",
    };

    private static async Task<string> CreateAsync(TestSilo silo)
    {
        using var admin = silo.ClientAs("admin-1", Roles.Admin);
        using var response = await admin.PostAsJsonAsync("/api/campaigns", OptimisedCampaign());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var campaign = JsonDocument.Parse(body).RootElement;
        Assert.Equal("optimised", campaign.GetProperty("allocation").GetString());
        return campaign.GetProperty("id").GetString()!;
    }

    private static async Task<HttpResponseMessage> ClaimAsync(TestSilo silo, string campaignId, string customerId, string key)
    {
        using var client = silo.ClientAs(customerId, Roles.Customer);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaignId}/claims");
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<long> GrantedCountAsync(TestSilo silo, string campaignId)
    {
        using var admin = silo.ClientAs("admin-1", Roles.Admin);
        var campaign = await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}");
        return campaign.GetProperty("stats").GetProperty("grantedCount").GetInt64();
    }

    [Fact]
    public async Task A_silo_trains_the_model_on_first_start_serves_optimised_claims_and_loads_the_saved_model_on_restart()
    {
        using var data = TempDirectory.Create();
        var modelFile = Path.Combine(data.Path, "models", ConversionModelOptions.DefaultFileName);
        string campaignId;
        string metadata;
        await using (var first = await StartAsync(data.Path, trainOnStart: true))
        {
            Assert.Equal(ConversionModelStatus.Ready, first.App.Services.GetRequiredService<ConversionModelState>().Status);
            Assert.True(File.Exists(modelFile));
            metadata = await File.ReadAllTextAsync(ConversionModelFiles.MetadataFile(modelFile));
            Assert.Contains("\"trainingCustomers\": 5000", metadata, StringComparison.Ordinal);

            campaignId = await CreateAsync(first);
            using var claim = await ClaimAsync(first, campaignId, "cust-opt-1", "k1");
            var body = await claim.Content.ReadAsStringAsync();
            Assert.True(claim.StatusCode == HttpStatusCode.Created, body);
            Assert.Contains(JsonDocument.Parse(body).RootElement.GetProperty("value").GetInt64(), new long[] { 500, 1_000 });
        }

        // Training off: the restarted silo can only be ready by loading what the first one saved.
        await using var second = await StartAsync(data.Path, trainOnStart: false);
        Assert.Equal(ConversionModelStatus.Ready, second.App.Services.GetRequiredService<ConversionModelState>().Status);
        Assert.Equal(metadata, await File.ReadAllTextAsync(ConversionModelFiles.MetadataFile(modelFile)));
        using var again = await ClaimAsync(second, campaignId, "cust-opt-2", "k1");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(2, await GrantedCountAsync(second, campaignId));
    }

    [Fact]
    public async Task A_silo_without_the_model_refuses_optimised_claims_with_503_and_retry_after_and_grants_nothing()
    {
        using var data = TempDirectory.Create();
        string campaignId;
        await using (var first = await StartAsync(data.Path, trainOnStart: true))
        {
            campaignId = await CreateAsync(first);
        }

        // The model is gone and this silo may not train: like a silo of a cluster whose model is not loaded.
        Directory.Delete(Path.Combine(data.Path, "models"), recursive: true);
        await using var silo = await StartAsync(data.Path, trainOnStart: false);
        Assert.Equal(ConversionModelStatus.Unavailable, silo.App.Services.GetRequiredService<ConversionModelState>().Status);

        using var claim = await ClaimAsync(silo, campaignId, "cust-opt-3", "k1");
        var problem = await ProblemAssert.IsProblemAsync(claim, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("model_not_ready", problem.GetProperty("reason").GetString());
        Assert.True(claim.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 });
        Assert.Equal(0, await GrantedCountAsync(silo, campaignId));

        using var admin = silo.ClientAs("admin-1", Roles.Admin);
        using var create = await admin.PostAsJsonAsync("/api/campaigns", OptimisedCampaign());
        var refused = await ProblemAssert.IsProblemAsync(create, HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("allocation", out _));
    }
}
