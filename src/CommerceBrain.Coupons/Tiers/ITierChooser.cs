using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Tiers;

/// <summary>
/// Chooses which of a campaign's tiers a claim gets. The seam for the allocation optimiser; the default is
/// <see cref="LowestTierChooser"/>. Register another before <c>AddCoupons</c> (or replace the registration) to use it.
/// </summary>
public interface ITierChooser
{
    /// <summary>
    /// Whether <see cref="Choose"/> uses the customer's segment. Looking it up costs a read per claimant activation, so
    /// the claimant only does it when eligibility or the chooser needs it.
    /// </summary>
    bool NeedsSegment { get; }

    /// <summary>
    /// The index into <c>terms.Spec.Tiers</c> for this claim. <paramref name="segment"/> is the customer's segment
    /// (<c>new</c> for a customer the shop does not know), or null when neither eligibility nor <see cref="NeedsSegment"/> asked for it.
    /// </summary>
    int Choose(CampaignTerms terms, string customerId, string? segment);
}
