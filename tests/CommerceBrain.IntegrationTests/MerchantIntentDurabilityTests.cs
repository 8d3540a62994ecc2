using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

/// <summary>Merchants' run-time intents are grain state: acknowledged means stored, so they outlive the silo that took them.</summary>
public sealed class MerchantIntentDurabilityTests
{
    private const string Question = "do you sell the red dragon mug collection";

    private static readonly string[] Examples =
    [
        "do you sell the red dragon mug", "is the dragon mug collection in stock", "I want the dragon mug set",
        "dragon mug collection price", "when will dragon mugs be back",
    ];

    [Fact]
    public async Task A_merchant_intent_survives_a_restart_of_the_silo()
    {
        using var data = TempDirectory.Create();
        await using (var first = await TestSilo.StartAsync(new() { DataDirectory = data.Path }))
        {
            using var put = await first.Client.PutAsJsonAsync("/api/nlu/merchants/shop-dragon/intents/dragon_mug", new { examples = Examples });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await using var second = await TestSilo.StartAsync(new() { DataDirectory = data.Path });

        Assert.Equal("dragon_mug", await PredictAsync(second.Client, "shop-dragon"));
        Assert.NotEqual("dragon_mug", await PredictAsync(second.Client, "shop-other"));
    }

    [Fact]
    public async Task A_merchant_intent_acknowledged_before_a_SIGKILL_is_served_after_the_restart()
    {
        using var data = TempDirectory.Create();
        await using (var silo = SiloProcess.Serve(data.Path))
        {
            using var client = await silo.WaitUntilReadyAsync();
            using var put = await client.PutAsJsonAsync("/api/nlu/merchants/shop-dragon/intents/dragon_mug", new { examples = Examples });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

            await silo.KillAsync();
        }

        await using var restarted = SiloProcess.Serve(data.Path);
        using var after = await restarted.WaitUntilReadyAsync();

        Assert.Equal("dragon_mug", await PredictAsync(after, "shop-dragon"));
    }

    [Fact]
    public async Task A_merchant_at_its_intent_limit_gets_409_for_a_new_intent_but_may_replace_one()
    {
        await using var silo = await TestSilo.StartAsync(configuration: new Dictionary<string, string?> { ["CommerceBrain:Nlu:MaxMerchantIntents"] = "1" });
        using var first = await silo.Client.PutAsJsonAsync("/api/nlu/merchants/shop-small/intents/dragon_mug", new { examples = Examples });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await silo.Client.PutAsJsonAsync("/api/nlu/merchants/shop-small/intents/gift_wrap", new { examples = Examples });
        using var replaced = await silo.Client.PutAsJsonAsync("/api/nlu/merchants/shop-small/intents/dragon_mug", new { examples = Examples.Reverse() });

        var problem = await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Contains("most allowed (1)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var intents = JsonDocument.Parse(await replaced.Content.ReadAsStringAsync()).RootElement.GetProperty("intents");
        Assert.Equal(["dragon_mug"], intents.EnumerateArray().Select(i => i.GetString()));
    }

    private static async Task<string?> PredictAsync(HttpClient client, string merchantId)
    {
        using var response = await client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = Question, merchantId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("intent").GetString();
    }
}
