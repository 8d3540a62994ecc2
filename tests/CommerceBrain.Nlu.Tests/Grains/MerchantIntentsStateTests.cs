using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu.Grains;

namespace CommerceBrain.Nlu.Tests.Grains;

public sealed class MerchantIntentsStateTests
{
    private static MerchantIntentDefinition Intent(string name, params string[] examples) => new(name, examples);

    [Fact]
    public void Every_stored_change_raises_the_version_and_keeps_first_added_order()
    {
        var state = new MerchantIntentsState();

        Assert.Null(state.Put(Intent("b", "x"), maxIntents: 5));
        Assert.Null(state.Put(Intent("a", "y"), maxIntents: 5));
        Assert.Null(state.Put(Intent("b", "z"), maxIntents: 5));

        var set = state.ToSet("m");
        Assert.Equal(3, set.Version);
        Assert.Equal(["b", "a"], set.Intents.Select(i => i.Name));
        Assert.Equal(["z"], set.Intents[0].Examples);
    }

    [Fact]
    public void A_new_intent_beyond_the_limit_is_refused_and_changes_nothing()
    {
        var state = new MerchantIntentsState();
        state.Put(Intent("a", "x"), maxIntents: 1);

        var refusal = state.Put(Intent("b", "y"), maxIntents: 1);

        Assert.NotNull(refusal);
        Assert.Equal(1, state.Version);
        Assert.Equal(["a"], state.ToSet("m").Intents.Select(i => i.Name));
        Assert.Null(state.Put(Intent("a", "replaced"), maxIntents: 1));
    }

    [Fact]
    public void The_set_handed_out_does_not_change_with_later_puts()
    {
        var state = new MerchantIntentsState();
        state.Put(Intent("a", "x"), maxIntents: 5);
        var before = state.ToSet("m");

        state.Put(Intent("a", "y"), maxIntents: 5);

        Assert.Equal(["x"], before.Intents[0].Examples);
        Assert.Equal(1, before.Version);
    }
}
