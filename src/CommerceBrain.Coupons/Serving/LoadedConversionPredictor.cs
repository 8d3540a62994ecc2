using CommerceBrain.Coupons.Allocation;

namespace CommerceBrain.Coupons.Serving;

/// <summary>The silo's <see cref="IConversionPredictor"/>: the loaded model's, or a refusal while it is not loaded.</summary>
internal sealed class LoadedConversionPredictor(ConversionModelState state) : IConversionPredictor
{
    /// <inheritdoc />
    /// <exception cref="ConversionModelNotReadyException">The model is still training or could not be loaded.</exception>
    public ValueTask<float[]> PredictAsync(CustomerFeatures customer, IReadOnlyList<TierOption> tiers, CancellationToken cancellationToken = default) =>
        state.Predictor is { } predictor
            ? predictor.PredictAsync(customer, tiers, cancellationToken)
            : throw new ConversionModelNotReadyException();
}
