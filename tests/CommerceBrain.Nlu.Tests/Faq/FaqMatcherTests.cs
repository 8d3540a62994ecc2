using CommerceBrain.Inference;
using CommerceBrain.Nlu.Faq;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Onnx;
using CommerceBrain.Nlu.Text;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Tests.Faq;

public sealed class FaqMatcherTests
{
    private static readonly FaqEntry[] Entries =
    [
        new("track", "How do I track my order?", ["where is my parcel", "check delivery status", "物流信息在哪看"], "Open My Orders.", ["orders"]),
        new("refund-time", "How long does a refund take?", ["when will my refund arrive", "refund processing time", "退款多久到账"], "3-5 days.", ["refunds"]),
        new("invoice", "How do I get an invoice?", ["send me a receipt", "vat invoice", "怎么开发票"], "Request it in the order page.", ["billing"]),
        new("address", "Can I change my delivery address?", ["update shipping address", "wrong address", "修改收货地址"], "Before shipping, yes.", ["orders"]),
        new("shop-returns", "Where do I send returns for this shop?", ["return address of the store", "mail the item back"], "Warehouse 9.", ["returns"], "shop-1"),
        new("other-returns", "Where do I send returns for this shop?", ["return address of the store", "mail the item back"], "Dock 4.", ["returns"], "shop-2"),
    ];

    private static readonly Lazy<TextEncoder> Encoder = new(() => EncoderTrainer.Train(
        FaqCatalog.ParaphraseGroups(Entries),
        new EncoderTrainerOptions { Featurizer = new FeaturizerOptions { Buckets = 1 << 14 }, Dim = 32, OutputDim = 16, Epochs = 30 }));

    [Fact]
    public void A_paraphrased_question_is_answered_with_the_right_entry()
    {
        var matcher = Matcher();
        var match = matcher.Match("how long until my refund arrives");
        Assert.Equal("refund-time", match.Candidates[0].Entry.Id);
        Assert.Equal(FaqDecision.Answer, match.Decision);
        Assert.Equal("invoice", matcher.Match("我想开发票").Candidates[0].Entry.Id);
    }

    [Fact]
    public void An_unrelated_question_is_no_match()
    {
        var match = Matcher().Match("what is the capital of mongolia");
        Assert.Equal(FaqDecision.NoMatch, match.Decision);
    }

    [Fact]
    public void Merchant_entries_are_visible_only_to_that_merchant()
    {
        var matcher = Matcher();
        Assert.DoesNotContain(matcher.Match("return address of the store", merchant: null, topK: 6).Candidates,
            c => c.Entry.Merchant is not null);

        var shop1 = matcher.Match("return address of the store", merchant: "shop-1", topK: 6);
        Assert.Equal("shop-returns", shop1.Candidates[0].Entry.Id);
        Assert.DoesNotContain(shop1.Candidates, c => c.Entry.Merchant == "shop-2");
    }

    [Fact]
    public void Two_equally_good_entries_lead_to_clarify()
    {
        var twins = Entries.Take(4).Append(Entries[1] with { Id = "refund-time-copy" }).ToArray();
        var matcher = new FaqMatcher(Encoder.Value);
        matcher.Index(twins);
        Assert.Equal(FaqDecision.Clarify, matcher.Match("how long does a refund take").Decision);
    }

    [Fact]
    public void Duplicate_ids_are_rejected_and_an_empty_index_matches_nothing()
    {
        var matcher = new FaqMatcher(Encoder.Value);
        Assert.Equal(FaqDecision.NoMatch, matcher.Match("anything").Decision);
        Assert.Throws<ArgumentException>(() => matcher.Index([Entries[0], Entries[0]]));
    }

    [Fact]
    public void The_encoder_round_trips_through_its_model_directory_and_onnx_runtime_agrees()
    {
        var dir = Path.Combine(Path.GetTempPath(), "nlu-enc-" + Guid.NewGuid().ToString("N"));
        try
        {
            ModelDirectory.SaveTextEncoder(Encoder.Value, dir);
            var loaded = ModelDirectory.LoadTextEncoder(dir);
            string[] texts = ["where is my parcel", "退款多久到账", ""];
            using var session = OnnxSession.FromFile(Path.Combine(dir, ModelDirectory.OnnxFile));
            var batch = BagBatch.Create(texts.Select(loaded.Featurizer.Featurize).ToArray());
            var output = session.Run(batch.ToInputs())[0].AsFloats();
            for (var i = 0; i < texts.Length; i++)
            {
                var expected = Encoder.Value.Encode(texts[i]);
                Assert.Equal(expected, loaded.Encode(texts[i]));
                for (var d = 0; d < expected.Length; d++)
                {
                    Assert.Equal(expected[d], output[i * expected.Length + d], 1e-5f);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Faq_json_lines_are_read_and_bad_lines_report_their_number()
    {
        const string jsonl = "{\"id\":\"a\",\"question\":\"q?\",\"paraphrases\":[\"p\"],\"answer\":\"x\",\"tags\":[\"t\"],\"merchant\":\"shop-1\"}\n"
            + "{\"id\":\"b\",\"question\":\"\",\"answer\":\"y\"}\n";
        var e = Assert.Throws<DatasetFormatException>(() => FaqCatalog.Read(new StringReader(jsonl), "faq.jsonl"));
        Assert.Equal(2, e.LineNumber);
        var ok = FaqCatalog.Read(new StringReader(jsonl.Split('\n')[0]), "faq.jsonl");
        Assert.Equal("shop-1", Assert.Single(ok).Merchant);
    }

    [Fact]
    public void Encoder_training_is_reproducible_for_a_seed()
    {
        var options = new EncoderTrainerOptions { Featurizer = new FeaturizerOptions { Buckets = 1 << 10 }, Dim = 8, OutputDim = 4, Epochs = 5 };
        var groups = FaqCatalog.ParaphraseGroups(Entries);
        var a = EncoderTrainer.Train(groups, options).Network;
        var b = EncoderTrainer.Train(groups, options).Network;
        var c = EncoderTrainer.Train(groups, options with { Seed = 7 }).Network;
        Assert.Equal(a.Embedding, b.Embedding);
        Assert.Equal(a.W2, b.W2);
        Assert.NotEqual(a.W2, c.W2);
    }

    private static FaqMatcher Matcher()
    {
        var matcher = new FaqMatcher(Encoder.Value);
        matcher.Index(Entries);
        return matcher;
    }
}
