using CommerceBrain.Nlu.Contracts;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CommerceBrain.Nlu.Tests.Grains;

/// <summary>The merchant intents grain on an Orleans test cluster with in-memory grain storage.</summary>
public sealed class MerchantIntentsGrainTests : IAsyncLifetime
{
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorageAsDefault());
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_stored_intent_is_handed_out_until_the_caller_holds_its_version()
    {
        var grain = cluster.Client.GetGrain<IMerchantIntentsGrain>("shop-1");
        Assert.Null(await grain.GetIfChanged(0));

        var change = await grain.Put(new MerchantIntentDefinition("gift_wrap", ["can you wrap it", "gift wrapping please"]));

        Assert.True(change.Stored);
        Assert.Equal(1, change.Set.Version);
        var set = await grain.GetIfChanged(0);
        Assert.NotNull(set);
        Assert.Equal("shop-1", set.MerchantId);
        Assert.Equal(["can you wrap it", "gift wrapping please"], set.Intents.Single().Examples);
        Assert.Null(await grain.GetIfChanged(1));
    }

    [Fact]
    public async Task Intents_survive_deactivation()
    {
        var grain = cluster.Client.GetGrain<IMerchantIntentsGrain>("shop-2");
        await grain.Put(new MerchantIntentDefinition("a", ["x"]));
        await grain.Put(new MerchantIntentDefinition("b", ["y"]));

        await cluster.DeactivateAsync(grain);

        var set = await grain.GetIfChanged(0);
        Assert.Equal(2, set?.Version);
        Assert.Equal(["a", "b"], set!.Intents.Select(i => i.Name));
    }

    [Fact]
    public async Task A_new_intent_over_the_limit_is_refused_with_the_unchanged_set()
    {
        var grain = cluster.Client.GetGrain<IMerchantIntentsGrain>("shop-full");
        for (var i = 0; i < new NluOptions().MaxMerchantIntents; i++)
        {
            Assert.True((await grain.Put(new MerchantIntentDefinition($"intent_{i}", ["x"]))).Stored);
        }

        var refused = await grain.Put(new MerchantIntentDefinition("one_too_many", ["x"]));

        Assert.False(refused.Stored);
        Assert.NotNull(refused.Refusal);
        Assert.DoesNotContain(refused.Set.Intents, i => i.Name == "one_too_many");
    }
}
