using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Tiers;

/// <summary>
/// Chooses which of a campaign's tiers a claim gets. The seam for the allocation optimiser; the default is
/// <see cref="LowestTierChooser"/>.
/// </summary>
public interface ITierChooser
{
    /// <summary>The index into <c>terms.Spec.Tiers</c> for a customer of <paramref name="segment"/>.</summary>
    int Choose(CampaignTerms terms, string customerId, string segment);
}
