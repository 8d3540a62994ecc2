using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu.Serving;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CommerceBrain.Nlu.Tests.Grains;

/// <summary>The understanding grain on a test cluster whose silo loads the models trained from the demo corpus.</summary>
public sealed class UnderstandingGrainTests : IAsyncLifetime
{
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var models = TrainedDemoModels.Directory;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:DataDirectory"] = models,
            ["CommerceBrain:Nlu:ModelDirectory"] = models,
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.Services.AddNlu(configuration);
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
        var state = cluster.Silos[0].ServiceProvider.GetRequiredService<NluModelState>();
        await state.Settled.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(NluModelStatus.Ready, state.Status);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private IUnderstandingGrain Grain => cluster.Client.GetGrain<IUnderstandingGrain>(0);

    [Fact]
    public async Task A_message_gets_its_intent_candidates_entities_and_language()
    {
        var understanding = await Grain.Understand(new UnderstandingRequest("where is my order 2024110112345? I paid ¥199", null));

        Assert.Equal("order_status", understanding.Intent);
        Assert.False(understanding.OutOfScope);
        Assert.Equal(3, understanding.Candidates.Count);
        Assert.Equal(understanding.Confidence, understanding.Candidates[0].Score);
        Assert.Contains(understanding.Entities, e => e.Kind == "OrderId" && e.Value == "2024110112345");
        Assert.Contains(understanding.Entities, e => e.Kind == "Amount" && e.Value == "CNY 199");
        Assert.Equal("en", understanding.Language);
    }

    [Fact]
    public async Task A_chinese_message_is_reported_as_chinese()
    {
        var understanding = await Grain.Understand(new UnderstandingRequest("我的订单到哪里了", null));

        Assert.Equal("zh", understanding.Language);
        Assert.Equal("order_status", understanding.Intent);
    }

    [Fact]
    public async Task A_platform_question_is_answered_from_the_platform_faq()
    {
        var understanding = await Grain.Understand(new UnderstandingRequest("how can I follow my parcel's tracking", null));

        Assert.Equal("faq-0001", understanding.FaqHits[0].Id);
        Assert.Null(understanding.FaqHits[0].MerchantId);
        Assert.NotEqual(FaqVerdict.NoMatch, understanding.Faq);
        Assert.Equal(understanding.FaqHits[0].Score, understanding.FaqConfidence);
    }

    [Fact]
    public async Task A_shops_own_faq_answers_its_shop_questions_but_not_the_platforms()
    {
        const string shop = "shop-lamps";
        var change = await cluster.Client.GetGrain<IMerchantFaqGrain>(shop).Replace(
        [
            new("ship", "When do you ship orders?", "We ship every weekday at 15:00 from our Suzhou workshop."),
            new("return-address", "What is your return address?", "Send returns to Lamp Studio, 8 Canal Street, Suzhou 215000."),
            new("bulbs", "Are bulbs included with the lamps?", "Every lamp comes with a warm-white LED bulb."),
        ]);
        Assert.True(change.Stored);

        var inShop = await Grain.Understand(new UnderstandingRequest("what is the return address of your shop", shop));
        var elsewhere = await Grain.Understand(new UnderstandingRequest("what is the return address of your shop", "another-shop"));
        var platform = await Grain.Understand(new UnderstandingRequest("how can I follow my parcel's tracking", shop));

        Assert.Equal(("return-address", shop), (inShop.FaqHits[0].Id, inShop.FaqHits[0].MerchantId));
        Assert.DoesNotContain(elsewhere.FaqHits, h => h.MerchantId == shop);
        Assert.Equal(("faq-0001", null), (platform.FaqHits[0].Id, platform.FaqHits[0].MerchantId));
    }

    [Fact]
    public async Task A_shops_new_faq_version_is_used_on_the_next_call()
    {
        const string shop = "shop-versions";
        var faq = cluster.Client.GetGrain<IMerchantFaqGrain>(shop);
        await faq.Replace([new("bulbs", "Are bulbs included with the lamps?", "Yes, a warm-white LED bulb.")]);
        var before = await Grain.Understand(new UnderstandingRequest("are bulbs included with the lamps", shop));

        await faq.Replace([new("bulbs-v2", "Are bulbs included with the lamps?", "No, bulbs are sold separately.")]);
        var after = await Grain.Understand(new UnderstandingRequest("are bulbs included with the lamps", shop));

        Assert.Equal("bulbs", before.FaqHits[0].Id);
        Assert.Equal("bulbs-v2", after.FaqHits[0].Id);
        Assert.DoesNotContain(after.FaqHits, h => h.Id == "bulbs");
    }
}
