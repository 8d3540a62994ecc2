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
}
