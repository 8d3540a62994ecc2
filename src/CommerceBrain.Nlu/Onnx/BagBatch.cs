using CommerceBrain.Inference;
using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Onnx;

/// <summary>
/// Packs feature vectors into the graph inputs: <c>ids</c> int64 [batch, seq] padded with bucket 0 and
/// <c>weights</c> float [batch, seq] padded with 0 (seq is the longest vector, at least 1).
/// </summary>
public sealed record BagBatch(long[] Ids, float[] Weights, int BatchSize, int SequenceLength)
{
    /// <summary>Packs <paramref name="features"/>.</summary>
    public static BagBatch Create(IReadOnlyList<FeatureVector> features)
    {
        var seq = Math.Max(1, features.Count == 0 ? 1 : features.Max(f => f.Count));
        var ids = new long[features.Count * seq];
        var weights = new float[features.Count * seq];
        for (var b = 0; b < features.Count; b++)
        {
            var f = features[b];
            for (var i = 0; i < f.Count; i++)
            {
                ids[b * seq + i] = f.Ids[i];
                weights[b * seq + i] = f.Weights[i];
            }
        }

        return new BagBatch(ids, weights, features.Count, seq);
    }

    /// <summary>The two ONNX Runtime inputs.</summary>
    public IReadOnlyList<TensorInput> ToInputs() =>
    [
        TensorInput.Int64(BagModelOnnx.IdsInput, Ids, BatchSize, SequenceLength),
        TensorInput.Float(BagModelOnnx.WeightsInput, Weights, BatchSize, SequenceLength),
    ];
}
