using CommerceBrain.Nlu.FewShot;

namespace CommerceBrain.Nlu.Tests.FewShot;

public sealed class TenantIntentHeadsReplaceTests
{
    private static float[] Unit(int dimension, int axis)
    {
        var v = new float[dimension];
        v[axis] = 1;
        return v;
    }

    [Fact]
    public void Replacing_a_tenant_drops_intents_it_no_longer_has()
    {
        var heads = new TenantIntentHeads(4, 1 << 20);
        heads.SetIntent("shop", "old", [Unit(4, 0)]);

        heads.ReplaceTenant("shop", [("new", [Unit(4, 1)])]);

        Assert.Equal(["new"], heads.IntentsOf("shop"));
        Assert.Equal("new", heads.Nearest("shop", Unit(4, 1))?.Intent);
    }

    [Fact]
    public void Replacing_with_no_intents_removes_the_tenant()
    {
        var heads = new TenantIntentHeads(4, 1 << 20);
        heads.SetIntent("shop", "a", [Unit(4, 0)]);

        heads.ReplaceTenant("shop", []);

        Assert.False(heads.Contains("shop"));
        Assert.Null(heads.Nearest("shop", Unit(4, 0)));
    }

    [Fact]
    public void A_tenant_too_big_for_the_cap_is_refused_and_its_old_head_stays()
    {
        var bytesPerIntent = PrototypeHead.BytesPerIntent(4, 1);
        var heads = new TenantIntentHeads(4, bytesPerIntent);
        heads.SetIntent("shop", "a", [Unit(4, 0)]);

        Assert.Throws<InvalidOperationException>(() => heads.ReplaceTenant("shop", [("b", [Unit(4, 1)]), ("c", [Unit(4, 2)])]));

        Assert.Equal(["a"], heads.IntentsOf("shop"));
    }

    [Fact]
    public void Replacing_a_tenant_evicts_the_least_recently_used_others_over_the_cap()
    {
        var heads = new TenantIntentHeads(4, 2 * PrototypeHead.BytesPerIntent(4, 1));
        heads.SetIntent("old", "a", [Unit(4, 0)]);
        heads.SetIntent("recent", "b", [Unit(4, 1)]);

        heads.ReplaceTenant("new", [("c", [Unit(4, 2)])]);

        Assert.False(heads.Contains("old"));
        Assert.True(heads.Contains("recent"));
        Assert.True(heads.Contains("new"));
    }
}
