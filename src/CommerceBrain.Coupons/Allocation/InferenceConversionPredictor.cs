using CommerceBrain.Inference.Contracts;

namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// Runs the published <see cref="ConversionModel"/> through the inference module's <see cref="IInferenceService"/>:
/// one row per (customer, face value), sent together so the micro-batcher runs them as one batch.
/// </summary>
public sealed class InferenceConversionPredictor(IInferenceService inference, string model = ConversionModel.RegistryName) : IConversionPredictor
{
    /// <inheritdoc />
    public async ValueTask<float[]> PredictAsync(CustomerFeatures customer, IReadOnlyList<TierOption> tiers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        customer.Validate();
        var calls = new Task<InferenceResult>[tiers.Count + 1];
        for (var j = 0; j <= tiers.Count; j++)
        {
            var row = new float[ConversionFeatures.Count];
            ConversionFeatures.Write(customer, j == 0 ? 0 : tiers[j - 1].FaceValue, row);
            calls[j] = inference.InferAsync(model, InferenceRequest.Of(InputRow.Float(ConversionModel.InputName, row)), cancellationToken);
        }

        var results = await Task.WhenAll(calls).ConfigureAwait(false);
        return results.Select(r => r.Floats(ConversionModel.OutputName)[0]).ToArray();
    }
}
