namespace CommerceBrain.Coupons.Allocation;

/// <summary>What the optimiser advises for one claim.</summary>
/// <param name="Tier">Index into the campaign's tiers, or −1: no coupon is worth its budget for this customer now.</param>
/// <param name="Lambda">The price of budget λ used (expected conversions per minor unit).</param>
/// <param name="PredictedUplift">Predicted conversion uplift of the chosen tier (0 for none).</param>
[GenerateSerializer]
[Immutable]
[Alias("CommerceBrain.Coupons.Allocation.TierDecision")]
public sealed record TierDecision([property: Id(0)] int Tier, [property: Id(1)] double Lambda, [property: Id(2)] double PredictedUplift)
{
    /// <summary>Whether no tier was chosen.</summary>
    public bool IsNone => Tier < 0;
}
