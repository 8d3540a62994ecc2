namespace CommerceBrain.Coupons.Allocation;

/// <summary>Predicted conversion probabilities of one customer: [no coupon, tier 0, tier 1, …].</summary>
public interface IConversionPredictor
{
    /// <summary>Predicts for <paramref name="customer"/> under each of <paramref name="tiers"/> and under none.</summary>
    ValueTask<float[]> PredictAsync(CustomerFeatures customer, IReadOnlyList<TierOption> tiers, CancellationToken cancellationToken = default);
}
