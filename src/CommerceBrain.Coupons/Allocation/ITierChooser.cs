namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// The claim path's seam to the allocation optimiser: which tier (if any) a customer should get now, given the
/// campaign's tiers and where its budget stands. Advisory: the campaign and shard grains still enforce the budget and
/// per-user limits; the chooser only decides whether spending on this customer is worth it at the current budget price.
/// Implemented by <see cref="OnlineTierChooser"/>; thread-safe.
/// </summary>
public interface ITierChooser
{
    /// <summary>Chooses a tier for <paramref name="customer"/>.</summary>
    /// <exception cref="ArgumentException">No tiers, a non-positive face value, or features out of range.</exception>
    ValueTask<TierDecision> ChooseAsync(CustomerFeatures customer, IReadOnlyList<TierOption> tiers, PacingState pacing,
        CancellationToken cancellationToken = default);
}
