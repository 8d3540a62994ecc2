using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Tiers;

/// <summary>Gives every claim the tier with the lowest face value (the most coupons per budget).</summary>
public sealed class LowestTierChooser : ITierChooser
{
    /// <inheritdoc />
    public bool NeedsSegment => false;

    /// <inheritdoc />
    public int Choose(CampaignTerms terms, string customerId, string? segment)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var tiers = terms.Spec.Tiers;
        var lowest = 0;
        for (var i = 1; i < tiers.Count; i++)
        {
            if (tiers[i].FaceValue < tiers[lowest].FaceValue)
            {
                lowest = i;
            }
        }

        return lowest;
    }
}
