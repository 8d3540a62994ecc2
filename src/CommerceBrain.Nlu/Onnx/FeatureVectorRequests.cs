using CommerceBrain.Inference.Contracts;
using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Onnx;

/// <summary>Turns featurized text into requests for CommerceBrain.Inference's micro-batcher (one row per text).</summary>
public static class FeatureVectorRequests
{
    /// <summary>
    /// The weighted-bag request for one text: <c>ids</c> and <c>weights</c> rows that the batcher pads into the
    /// [batch, seq] graph inputs of an exported model (see <see cref="BagModelOnnx"/>).
    /// </summary>
    public static InferenceRequest ToInferenceRequest(this FeatureVector features, IReadOnlyList<string>? outputs = null) =>
        InferenceRequest.ForWeightedTokenIds(Array.ConvertAll(features.Ids, id => (long)id), features.Weights,
            BagModelOnnx.IdsInput, BagModelOnnx.WeightsInput, outputs);

    /// <summary>
    /// Featurizes <paramref name="text"/> straight into a weighted-bag request (the same ids and weights as
    /// <c>featurizer.Featurize(text).ToInferenceRequest()</c>); the only allocations are the request's own rows.
    /// </summary>
    public static InferenceRequest ToInferenceRequest(this Featurizer featurizer, ReadOnlySpan<char> text, IReadOnlyList<string>? outputs = null)
    {
        var buffer = t_ids ??= new int[512];
        var count = featurizer.Featurize(text, ref buffer, out var weight);
        t_ids = buffer;
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = buffer[i];
        }

        var weights = new float[count];
        Array.Fill(weights, weight);
        return InferenceRequest.ForWeightedTokenIds(ids, weights, BagModelOnnx.IdsInput, BagModelOnnx.WeightsInput, outputs);
    }

    [ThreadStatic]
    private static int[]? t_ids;
}
