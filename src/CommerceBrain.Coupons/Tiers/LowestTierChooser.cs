using CommerceBrain.Coupons.Allocation;

namespace CommerceBrain.Coupons.Tiers;

/// <summary>Gives every claim the tier with the lowest face value (the most coupons per budget).</summary>
public sealed class LowestTierChooser : ITierChooser
{
    /// <inheritdoc />
    public bool NeedsCustomer => false;

    /// <inheritdoc />
    public ValueTask<TierDecision> ChooseAsync(TierContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tiers = context.Terms.Spec.Tiers;
        var lowest = 0;
        for (var i = 1; i < tiers.Count; i++)
        {
            if (tiers[i].FaceValue < tiers[lowest].FaceValue)
            {
                lowest = i;
            }
        }

        return ValueTask.FromResult(new TierDecision(lowest, 0, 0));
    }
}
