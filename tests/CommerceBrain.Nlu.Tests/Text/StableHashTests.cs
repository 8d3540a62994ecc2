using CommerceBrain.Nlu.Text;
// Orleans (referenced through CommerceBrain.Inference) adds a global using of Orleans, which has its own StableHash.
using StableHash = CommerceBrain.Nlu.Text.StableHash;

namespace CommerceBrain.Nlu.Tests.Text;

public sealed class StableHashTests
{
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Fnv1a64_matches_the_published_test_vectors(string text, ulong expected) =>
        Assert.Equal(expected, StableHash.Fnv1a64(text));

    [Fact]
    public void Non_ascii_text_hashes_its_utf8_bytes()
    {
        var viaBytes = StableHash.OffsetBasis;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes("退货😀é"))
        {
            viaBytes = StableHash.Append(viaBytes, b);
        }

        Assert.Equal(viaBytes, StableHash.Fnv1a64("退货😀é"));
    }

    [Fact]
    public void Feature_buckets_are_pinned_so_saved_models_stay_valid()
    {
        var featurizer = new Featurizer(new FeaturizerOptions { Buckets = 1 << 20 });
        var features = featurizer.Featurize("Where is my card?");

        // Pinned values: if these change, every model trained before the change silently breaks.
        Assert.Equal(new[] { 252690, 496291, 538798 }, features.Ids.Take(3).ToArray());
        Assert.Equal(PinnedCount, features.Count);
        Assert.All(features.Weights, w => Assert.Equal(1f / PinnedCount, w));
    }

    private const int PinnedCount = 34; // 4 words, 3 bigrams, 12 + 3 + 3 + 9 character n-grams
}
