using CommerceBrain.Inference;
using CommerceBrain.Nlu.Intents;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Onnx;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Tests.Onnx;

public sealed class OnnxExportTests : IDisposable
{
    private static readonly string?[] Texts =
    [
        "where is my parcel", "退款什么时候到账", "", null, "cancel cancel cancel my order before it ships please",
        "invoice", "completely unrelated words here",
    ];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nlu-onnx-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    public void Onnx_runtime_and_the_csharp_forward_pass_agree_within_1e_5(int hidden)
    {
        var model = IntentTrainer.Train(TinyData.Intents(withOos: true), TinyData.FastOptions(hidden: hidden)).Model;
        ModelDirectory.SaveIntentModel(model, _dir);

        using var session = OnnxSession.FromFile(Path.Combine(_dir, ModelDirectory.OnnxFile));
        Assert.Equal([BagModelOnnx.IdsInput, BagModelOnnx.WeightsInput], session.InputNames);
        var batch = BagBatch.Create(Texts.Select(model.Featurizer.Featurize).ToArray());
        var outputs = session.Run(batch.ToInputs());
        var probabilities = outputs.Single(o => o.Name == BagModelOnnx.ProbabilitiesOutput).AsFloats();
        var embedding = outputs.Single(o => o.Name == BagModelOnnx.EmbeddingOutput).AsFloats();

        var classes = model.Labels.Count;
        for (var i = 0; i < Texts.Length; i++)
        {
            var expected = model.Probabilities(Texts[i]);
            for (var c = 0; c < classes; c++)
            {
                Assert.Equal(expected[c], probabilities[i * classes + c], 1e-5f);
            }

            var bag = new float[model.Network.Dim];
            model.Network.Bag(model.Featurizer.Featurize(Texts[i]), bag);
            for (var d = 0; d < bag.Length; d++)
            {
                Assert.Equal(bag[d], embedding[i * bag.Length + d], 1e-5f);
            }
        }
    }

    [Fact]
    public void A_saved_model_directory_loads_back_to_the_same_predictions_in_both_engines()
    {
        var model = IntentTrainer.Train(TinyData.Intents(withOos: true), TinyData.FastOptions(hidden: 8)).Model;
        var manifest = ModelDirectory.SaveIntentModel(model, _dir);
        Assert.Equal(16, manifest.Version.Length);
        Assert.Equal(model.Labels, manifest.Labels);

        using var csharp = IntentClassifier.Load(_dir);
        using var ort = IntentClassifier.Load(_dir, useOnnxRuntime: true);
        Assert.True(ort.UsesOnnxRuntime);
        var a = csharp.PredictBatch(Texts);
        var b = ort.PredictBatch(Texts);
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(a[i].Intent, b[i].Intent);
            Assert.Equal(a[i].Confidence, b[i].Confidence, 1e-5f);
            Assert.Equal(model.Probabilities(Texts[i]).Max(), csharp.Probabilities([Texts[i]])[0].Max(), 1e-6f);
        }
    }

    [Fact]
    public void A_dense_single_network_graph_reads_back_and_runs_like_the_csharp_pass()
    {
        // The layout models had before int8 tables and hidden blocks: float embedding_table and one w1.
        var random = new Random(5);
        var network = new BagModel(64, 6, 4, 3);
        foreach (var weights in new[] { network.Embedding, network.W1, network.B1, network.W2, network.B2 })
        {
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)(random.NextDouble() * 2 - 1);
            }
        }

        using var stream = new MemoryStream();
        BagModelOnnx.WriteClassifier(network, stream, "dense");
        var bytes = stream.ToArray();
        var onnx = OnnxModelReader.Parse(bytes, "dense");
        Assert.DoesNotContain("Split", onnx.Operators);
        var read = BagModelOnnx.Read(onnx, 64, 6, 4, 3);
        Assert.Null(read.HiddenBlocks);
        Assert.Equal(network.Embedding, read.Embedding);
        Assert.Equal(network.W1, read.W1);

        using var session = OnnxSession.FromBytes(bytes);
        var features = new CommerceBrain.Nlu.Text.FeatureVector([3, 17, 3, 63], [0.25f, 0.25f, 0.25f, 0.25f]);
        var probabilities = session.Run(BagBatch.Create([features]).ToInputs(), [BagModelOnnx.ProbabilitiesOutput])[0].AsFloats();
        var expected = read.Forward(features);
        Softmax.InPlace(expected);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(expected[c], probabilities[c], 1e-5f);
        }
    }

    [Fact]
    public void An_unknown_model_directory_is_reported_clearly()
    {
        var missing = Path.Combine(_dir, "nope");
        var e = Assert.Throws<DirectoryNotFoundException>(() => IntentClassifier.Load(missing));
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void A_corrupt_model_onnx_is_reported_as_invalid_data_not_a_crash()
    {
        var model = IntentTrainer.Train(TinyData.Intents(), TinyData.FastOptions()).Model;
        ModelDirectory.SaveIntentModel(model, _dir);
        var path = Path.Combine(_dir, ModelDirectory.OnnxFile);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<InvalidDataException>(() => IntentClassifier.Load(_dir));
        Assert.Contains("model.onnx", e.Message);

        File.WriteAllBytes(path, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x12]);
        Assert.Throws<InvalidDataException>(() => IntentClassifier.Load(_dir));
    }

    [Fact]
    public void A_model_json_that_does_not_match_the_weights_is_rejected()
    {
        var model = IntentTrainer.Train(TinyData.Intents(), TinyData.FastOptions()).Model;
        ModelDirectory.SaveIntentModel(model, _dir);
        var json = Path.Combine(_dir, ModelDirectory.ManifestFile);
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"dim\": 32", "\"dim\": 31", StringComparison.Ordinal));
        Assert.Throws<InvalidDataException>(() => IntentClassifier.Load(_dir));

        File.WriteAllText(json, "{ not json");
        Assert.Throws<InvalidDataException>(() => IntentClassifier.Load(_dir));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
