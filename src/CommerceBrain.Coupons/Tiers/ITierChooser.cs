using CommerceBrain.Coupons.Allocation;

namespace CommerceBrain.Coupons.Tiers;

/// <summary>
/// The claim path's one seam for choosing a claim's tier, or none. <see cref="LowestTierChooser"/> is the default; the
/// allocation optimiser (<see cref="OnlineTierChooser"/>) is chosen per campaign by <see cref="TierChoosers"/>.
/// Advisory: the budget shards still enforce the budget, the claimant the per-user limit.
/// </summary>
public interface ITierChooser
{
    /// <summary>
    /// Whether <see cref="ChooseAsync"/> needs <see cref="TierContext.Customer"/>. Reading the customer costs grain calls
    /// (cached per claimant activation), so the claimant only does it when asked.
    /// </summary>
    bool NeedsCustomer { get; }

    /// <summary>The tier for this claim: an index into <c>terms.Spec.Tiers</c>, or −1 (<see cref="TierDecision.IsNone"/>) for no coupon.</summary>
    /// <exception cref="ArgumentException">The context lacks what the chooser needs, or the tiers or features are out of range.</exception>
    ValueTask<TierDecision> ChooseAsync(TierContext context, CancellationToken cancellationToken = default);
}
