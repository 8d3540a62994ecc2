using CommerceBrain.Nlu.Onnx;
using CommerceBrain.Nlu.Text;
// Orleans (referenced through CommerceBrain.Inference) adds a global using of Orleans, which has its own StableHash.
using StableHash = CommerceBrain.Nlu.Text.StableHash;

namespace CommerceBrain.Nlu.Tests.Text;

public sealed class TextPipelineTests
{
    [Fact]
    public void Normalisation_folds_full_width_forms_lower_cases_and_collapses_whitespace() =>
        Assert.Equal("abc 123 fine !", TextNormalizer.Normalize("  ＡＢＣ\u3000１２３ \t\n ﬁne ！ "));

    [Fact]
    public void Empty_and_null_text_normalise_to_empty() =>
        Assert.Equal(string.Empty, TextNormalizer.Normalize(null) + TextNormalizer.Normalize(""));

    [Fact]
    public void English_words_keep_decimals_and_drop_punctuation_and_apostrophes()
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.Normalize("I'm owed $12.50, why?!"));
        Assert.Equal(new[] { "im", "owed", "$", "12.50", "why" }, tokens);
    }

    [Fact]
    public void Each_chinese_character_is_a_token_and_latin_runs_stay_whole()
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.Normalize("我的iPhone订单还没到"));
        Assert.Equal(new[] { "我", "的", "iphone", "订", "单", "还", "没", "到" }, tokens);
    }

    [Fact]
    public void Featurizer_emits_unigrams_bigrams_and_char_ngrams_as_configured()
    {
        var words = new Featurizer(new FeaturizerOptions { CharNgramMin = 0, CharNgramMax = 0, Buckets = 1000 });
        Assert.Equal(3 + 2, words.Featurize("track my parcel").Count);

        var chars = new Featurizer(new FeaturizerOptions { WordUnigrams = false, WordBigrams = false, CharNgramMin = 3, CharNgramMax = 3, Buckets = 1000 });
        Assert.Equal(3, chars.Featurize("abc").Count); // <ab abc bc>
    }

    [Fact]
    public void The_same_text_gives_the_same_features_and_different_texts_differ()
    {
        var featurizer = new Featurizer(new FeaturizerOptions());
        Assert.Equal(featurizer.Featurize("refund please").Ids, featurizer.Featurize("REFUND   please!").Ids);
        Assert.NotEqual(featurizer.Featurize("refund please").Ids, featurizer.Featurize("track please").Ids);
        Assert.All(featurizer.Featurize("退款 refund").Ids, id => Assert.InRange(id, 0, featurizer.Options.Buckets - 1));
    }

    [Theory]
    [InlineData(1 << 18)]
    [InlineData(1_000_003)]
    public void Features_are_the_documented_hashes_of_words_bigrams_and_marked_char_ngrams(int buckets)
    {
        var featurizer = new Featurizer(new FeaturizerOptions { Buckets = buckets });
        string[] tokens = ["im", "fine", "😀ok", "退", "款"];
        ulong Start(char kind) => StableHash.Append(StableHash.Append(StableHash.OffsetBasis, (byte)kind), 0x1F);
        int Bucket(ulong h) => (int)(h % (ulong)buckets);
        var expected = new List<int>();
        for (var t = 0; t < tokens.Length; t++)
        {
            expected.Add(Bucket(StableHash.Append(Start('w'), tokens[t])));
            if (t + 1 < tokens.Length)
            {
                expected.Add(Bucket(StableHash.Append(StableHash.Append(StableHash.Append(Start('b'), tokens[t]), (byte)' '), tokens[t + 1])));
            }

            if (tokens[t].Length > 1 || !Tokenizer.IsCjk(tokens[t][0]))
            {
                var marked = "<" + tokens[t] + ">";
                for (var n = 3; n <= 5; n++)
                {
                    for (var i = 0; i + n <= marked.Length; i++)
                    {
                        expected.Add(Bucket(StableHash.Append(Start('c'), marked.AsSpan(i, n))));
                    }
                }
            }
        }

        const string text = "  Ｉ'm ﬁne, 😀OK 退款!";
        var features = featurizer.Featurize(text);
        Assert.Equal(expected, features.Ids);
        Assert.All(features.Weights, w => Assert.Equal(1f / expected.Count, w));

        var buffer = new int[1];
        var count = featurizer.Featurize(text.AsSpan(), ref buffer, out var weight);
        Assert.Equal(expected, buffer.Take(count));
        Assert.Equal(1f / expected.Count, weight);

        var request = featurizer.ToInferenceRequest(text);
        Assert.Equal(expected.Select(id => (long)id), (long[])request.Inputs[0].Data);
        Assert.Equal(features.Weights, (float[])request.Inputs[1].Data);
    }

    [Fact]
    public void Huge_input_is_truncated_to_the_token_limit_instead_of_exploding()
    {
        var featurizer = new Featurizer(new FeaturizerOptions { MaxTokens = 100 });
        var huge = string.Concat(Enumerable.Repeat("word ", 20_000)) + new string('x', 50_000);
        var features = featurizer.Featurize(huge);
        Assert.InRange(features.Count, 1, 100 * 20);
    }

    [Fact]
    public void Invalid_featurizer_options_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Featurizer(new FeaturizerOptions { Buckets = 0 }));
        Assert.Throws<ArgumentException>(() => new Featurizer(new FeaturizerOptions { Hash = "murmur" }));
        Assert.Throws<ArgumentException>(() => new Featurizer(new FeaturizerOptions { CharNgramMin = 5, CharNgramMax = 3 }));
        Assert.Throws<ArgumentException>(() => new Featurizer(new FeaturizerOptions { MaxWordLengthForCharNgrams = 100_000 }));
        Assert.Throws<ArgumentException>(() => new CommerceBrain.Nlu.Models.BagModel(1 << 24, 200, 0, 2));
    }
}
