namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// Runs a fitted <see cref="ConversionModel"/> in managed code: for hosts without the inference module, and for tests.
/// Same formula as the ONNX graph <see cref="InferenceConversionPredictor"/> serves.
/// </summary>
public sealed class ModelConversionPredictor(ConversionModel model) : IConversionPredictor
{
    /// <inheritdoc />
    public ValueTask<float[]> PredictAsync(CustomerFeatures customer, IReadOnlyList<TierOption> tiers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        customer.Validate();
        var probabilities = new float[tiers.Count + 1];
        probabilities[0] = (float)model.Predict(customer, 0);
        for (var j = 0; j < tiers.Count; j++)
        {
            probabilities[j + 1] = (float)model.Predict(customer, tiers[j].FaceValue);
        }

        return ValueTask.FromResult(probabilities);
    }
}
