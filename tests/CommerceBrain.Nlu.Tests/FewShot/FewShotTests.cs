using CommerceBrain.Nlu.FewShot;
using CommerceBrain.Nlu.Intents;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Tests.FewShot;

public sealed class FewShotTests
{
    private static readonly Lazy<IntentModel> Model = new(() =>
        IntentTrainer.Train(TinyData.Intents(withOos: true), TinyData.FastOptions(hidden: 32)).Model);

    [Fact]
    public void A_few_shot_intent_added_at_run_time_is_predicted_for_that_tenant_only()
    {
        var encoder = new IntentModelEncoder(Model.Value);
        var heads = new TenantIntentHeads(encoder.Dimension, capacityBytes: 1 << 20);
        var classifier = new FewShotIntentClassifier(new IntentClassifier(Model.Value), encoder, heads, similarityThreshold: 0.9f);
        const string query = "do you sell gift wrapping for birthday presents";

        var before = classifier.Predict("shop-1", query);
        Assert.NotEqual("gift_wrap", before.Intent);

        classifier.AddIntent("shop-1", "gift_wrap",
        [
            "do you sell gift wrapping", "can you gift wrap my present", "gift wrapping for birthday presents",
            "wrap it as a gift please", "is gift wrap available",
        ]);

        var after = classifier.Predict("shop-1", query);
        Assert.Equal("gift_wrap", after.Intent);
        Assert.False(after.IsOutOfScope);
        Assert.NotEqual("gift_wrap", classifier.Predict("shop-2", query).Intent);
        Assert.Equal("refund", classifier.Predict("shop-1", "i want a refund please").Intent);
    }

    [Fact]
    public void Least_recently_used_tenants_are_evicted_when_the_memory_cap_is_exceeded()
    {
        const int dim = 64;
        var one = new PrototypeHead(dim);
        one.Set("x", [Unit(dim, 0)]);
        var perTenant = one.ByteSize;
        var heads = new TenantIntentHeads(dim, capacityBytes: perTenant * 3);

        heads.SetIntent("a", "x", [Unit(dim, 0)]);
        heads.SetIntent("b", "x", [Unit(dim, 1)]);
        heads.SetIntent("c", "x", [Unit(dim, 2)]);
        Assert.NotNull(heads.Nearest("a", Unit(dim, 0))); // a becomes most recently used; b is now the oldest
        heads.SetIntent("d", "x", [Unit(dim, 3)]);

        Assert.Equal(1, heads.Evictions);
        Assert.Equal(["d", "a", "c"], heads.Tenants);
        Assert.Null(heads.Nearest("b", Unit(dim, 1)));
        Assert.True(heads.UsedBytes <= heads.CapacityBytes);
    }

    [Fact]
    public void A_single_tenant_larger_than_the_cap_is_refused()
    {
        var heads = new TenantIntentHeads(8, capacityBytes: 10);
        Assert.Throws<InvalidOperationException>(() => heads.SetIntent("a", "x", [Unit(8, 0)]));
        Assert.Empty(heads.IntentsOf("a"));
    }

    [Fact]
    public void Prototypes_are_the_normalised_mean_of_the_examples()
    {
        var head = new PrototypeHead(2);
        head.Set("diag", [[1f, 0f], [0f, 1f]]);
        var nearest = head.Nearest([MathF.Sqrt(0.5f), MathF.Sqrt(0.5f)])!.Value;
        Assert.Equal("diag", nearest.Intent);
        Assert.Equal(1f, nearest.Similarity, 5);
    }

    private static float[] Unit(int dim, int axis)
    {
        var v = new float[dim];
        v[axis] = 1;
        return v;
    }
}
