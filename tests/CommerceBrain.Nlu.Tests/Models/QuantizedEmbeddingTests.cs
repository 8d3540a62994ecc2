using CommerceBrain.Inference;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Onnx;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Tests.Models;

public sealed class QuantizedEmbeddingTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nlu-quant-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Kept_rows_are_within_half_a_step_of_the_original_and_dropped_rows_are_zero()
    {
        const int buckets = 6, dim = 5;
        var random = new Random(3);
        var table = Enumerable.Range(0, buckets * dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        bool[] keep = [true, false, true, true, false, true];

        var q = QuantizedEmbedding.Quantize(table, buckets, dim, keep);

        Assert.Equal(5, q.Rows); // the zero row and four kept rows
        for (var b = 0; b < buckets; b++)
        {
            var row = q.Row(b);
            var original = table.AsSpan(b * dim, dim);
            var step = original.ToArray().Max(MathF.Abs) / 127f;
            for (var d = 0; d < dim; d++)
            {
                Assert.Equal(keep[b] ? original[d] : 0f, row[d], keep[b] ? step / 2 + 1e-7f : 0f);
            }
        }
    }

    [Fact]
    public void The_bag_of_a_quantised_table_is_the_weighted_sum_of_its_dequantised_rows()
    {
        float[] table = [1f, -2f, 0.5f, 0f, 0f, 0f, -0.25f, 0.75f, 3f];
        var q = QuantizedEmbedding.Quantize(table, 3, 3, keep: null);
        var bag = new float[3];

        q.Bag([0, 2, 1], [0.5f, 0.25f, 1f], bag);

        var r0 = q.Row(0);
        var r2 = q.Row(2);
        for (var d = 0; d < 3; d++)
        {
            Assert.Equal(0.5f * r0[d] + 0.25f * r2[d], bag[d], 1e-6f);
        }

        Assert.Equal(0f, q.Scales[q.RowOfBucket[1]]); // an all-zero row stores scale 0
    }

    [Fact]
    public void Trained_models_store_an_int8_table_of_only_the_touched_buckets_and_reload_identically()
    {
        var result = IntentTrainer.Train(TinyData.Intents(withOos: true), TinyData.FastOptions(hidden: 8));
        var network = result.Model.Network;
        Assert.NotNull(network.Quantized);
        Assert.Empty(network.Embedding);
        Assert.InRange(network.Quantized.Rows, 2, network.Buckets / 2);

        ModelDirectory.SaveIntentModel(result.Model, _dir);
        var onnx = OnnxModelReader.Read(Path.Combine(_dir, ModelDirectory.OnnxFile));
        Assert.Contains("Cast", onnx.Operators);
        Assert.False(onnx.HasInitializer("embedding_table"));
        var loaded = ModelDirectory.LoadIntentModel(_dir);

        // The two ensemble members' hidden layers are exported as two blocks (Split, one MatMul each) and come back as such.
        Assert.Contains("Split", onnx.Operators);
        Assert.Equal([new HiddenBlock(0, 16, 0, 8), new HiddenBlock(16, 16, 8, 8)], network.HiddenBlocks!);
        Assert.Equal(network.HiddenBlocks, loaded.Network.HiddenBlocks!);
        Assert.Equal(network.W1, loaded.Network.W1);
        Assert.Equal(network.Quantized.RowOfBucket, loaded.Network.Quantized!.RowOfBucket);
        Assert.Equal(network.Quantized.Values, loaded.Network.Quantized.Values);
        Assert.Equal(network.Quantized.Scales, loaded.Network.Quantized.Scales);

        // A bucket no training example uses adds nothing to the bag.
        var untouched = Array.IndexOf(network.Quantized.RowOfBucket, 0);
        var touched = result.Model.Featurizer.Featurize("where is my order").Ids[0];
        Assert.True(untouched >= 0);
        var bag = new float[network.Dim];
        network.Bag([untouched], [1f], bag);
        Assert.All(bag, v => Assert.Equal(0f, v));
        network.Bag([touched], [1f], bag);
        Assert.Contains(bag, v => v != 0f);
    }

    [Fact]
    public void A_float_table_can_still_be_trained_exported_and_run_in_onnx_runtime()
    {
        var options = TinyData.FastOptions(hidden: 8) with { QuantizeEmbedding = false };
        var model = IntentTrainer.Train(TinyData.Intents(withOos: true), options).Model;
        Assert.Null(model.Network.Quantized);
        ModelDirectory.SaveIntentModel(model, _dir);

        using var session = OnnxSession.FromFile(Path.Combine(_dir, ModelDirectory.OnnxFile));
        string[] texts = ["where is my parcel", "我要退款"];
        var batch = BagBatch.Create(texts.Select(model.Featurizer.Featurize).ToArray());
        var probabilities = session.Run(batch.ToInputs(), [BagModelOnnx.ProbabilitiesOutput])[0].AsFloats();
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = model.Probabilities(texts[i]);
            for (var c = 0; c < expected.Length; c++)
            {
                Assert.Equal(expected[c], probabilities[i * expected.Length + c], 1e-5f);
            }
        }
    }

    [Fact]
    public void Hidden_blocks_must_tile_the_layer()
    {
        var model = new BagModel(4, 4, 4, 2);
        Assert.Throws<ArgumentException>(() => model.SetHiddenBlocks([new HiddenBlock(0, 2, 0, 2), new HiddenBlock(3, 1, 2, 2)]));
        Assert.Throws<ArgumentException>(() => model.SetHiddenBlocks([new HiddenBlock(0, 2, 0, 2)]));
        model.SetHiddenBlocks([new HiddenBlock(0, 2, 0, 3), new HiddenBlock(2, 2, 3, 1)]);
        Assert.Equal(2, model.HiddenBlocks!.Count);
    }

    [Fact]
    public void A_bucket_map_pointing_past_the_stored_rows_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new QuantizedEmbedding(2, [0, 3], new sbyte[4], new float[2]));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
