using CommerceBrain.Nlu.Contracts;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CommerceBrain.Nlu.Tests.Grains;

/// <summary>The shop FAQ grain on an Orleans test cluster with in-memory grain storage.</summary>
public sealed class MerchantFaqGrainTests : IAsyncLifetime
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
    public async Task A_replaced_faq_is_handed_out_until_the_caller_holds_its_version()
    {
        var grain = cluster.Client.GetGrain<IMerchantFaqGrain>("shop-1");
        Assert.Null(await grain.GetIfChanged(0));

        var change = await grain.Replace([new("ship", "When do you ship?", "Same day before 17:00.")]);

        Assert.True(change.Stored);
        Assert.Equal(1, change.Set.Version);
        var set = await grain.GetIfChanged(0);
        Assert.NotNull(set);
        Assert.Equal("shop-1", set.MerchantId);
        Assert.Equal("When do you ship?", set.Entries.Single().Question);
        Assert.Null(await grain.GetIfChanged(1));
    }

    [Fact]
    public async Task A_replacement_replaces_the_whole_faq_and_survives_deactivation()
    {
        var grain = cluster.Client.GetGrain<IMerchantFaqGrain>("shop-2");
        await grain.Replace([new("a", "Question a?", "Answer a."), new("b", "Question b?", "Answer b.")]);
        await grain.Replace([new("c", "Question c?", "Answer c.")]);

        await cluster.DeactivateAsync(grain);

        var set = await grain.GetIfChanged(0);
        Assert.Equal(2, set?.Version);
        Assert.Equal(["c"], set!.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task Entries_breaking_a_limit_are_refused_and_the_stored_faq_stays()
    {
        var grain = cluster.Client.GetGrain<IMerchantFaqGrain>("shop-3");
        await grain.Replace([new("keep", "Kept?", "Yes.")]);
        var limits = new NluOptions();
        MerchantFaqPair[][] bad =
        [
            [new("x", "Same id?", "One."), new("x", "Same id again?", "Two.")],
            [new("x", " ", "No question.")],
            [new("x", "No answer?", "")],
            [new("x", new string('q', limits.MaxMerchantFaqQuestionLength + 1), "Too long a question.")],
            [new("x", "Too long an answer?", new string('a', limits.MaxMerchantFaqAnswerLength + 1))],
            Enumerable.Range(0, limits.MaxMerchantFaqEntries + 1).Select(i => new MerchantFaqPair($"e{i}", "Q?", "A.")).ToArray(),
        ];

        foreach (var entries in bad)
        {
            var refused = await grain.Replace(entries);
            Assert.False(refused.Stored);
            Assert.False(string.IsNullOrEmpty(refused.Refusal));
            Assert.Equal(1, refused.Set.Version);
            Assert.Equal("keep", refused.Set.Entries.Single().Id);
        }
    }

    [Fact]
    public async Task The_most_entries_allowed_are_stored()
    {
        var grain = cluster.Client.GetGrain<IMerchantFaqGrain>("shop-full");
        var entries = Enumerable.Range(0, new NluOptions().MaxMerchantFaqEntries).Select(i => new MerchantFaqPair($"e{i}", $"Question {i}?", "Answer.")).ToArray();

        var change = await grain.Replace(entries);

        Assert.True(change.Stored);
        Assert.Equal(entries.Length, change.Set.Entries.Count);
    }
}
