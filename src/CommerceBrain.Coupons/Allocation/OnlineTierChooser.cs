using CommerceBrain.Coupons.Tiers;

namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// The per-claim optimiser: the Lagrangian rule of <see cref="LagrangianAllocator"/> applied to one customer at the
/// price λ that a <see cref="PacingController"/> keeps on the campaign's spend curve. A tier is chosen only when its
/// uplift beats λ × its cost, and never when its cost exceeds the budget left.
/// </summary>
public sealed class OnlineTierChooser(IConversionPredictor predictor, PacingController controller, CostBasis basis = CostBasis.AtGrant) : ITierChooser
{
    /// <summary>The controller steering λ.</summary>
    public PacingController Controller => controller;

    /// <inheritdoc />
    public bool NeedsCustomer => true;

    /// <inheritdoc />
    public ValueTask<TierDecision> ChooseAsync(TierContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Customer is not { } customer)
            throw new ArgumentException("The optimiser needs the customer's features.", nameof(context));
        return ChooseAsync(customer, [.. context.Terms.Spec.Tiers.Select(t => new TierOption(t.FaceValue, t.MinSpend))], context.Pacing,
            cancellationToken);
    }

    /// <summary>Chooses a tier for <paramref name="customer"/> among <paramref name="tiers"/> at <paramref name="pacing"/>.</summary>
    /// <exception cref="ArgumentException">No tiers, a non-positive face value, or features out of range.</exception>
    public async ValueTask<TierDecision> ChooseAsync(CustomerFeatures customer, IReadOnlyList<TierOption> tiers, PacingState pacing,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pacing);
        Check(tiers);
        customer.Validate();
        var probabilities = await predictor.PredictAsync(customer, tiers, cancellationToken).ConfigureAwait(false);
        return Decide(probabilities, tiers, pacing);
    }

    /// <summary>Updates λ from <paramref name="pacing"/> and decides from already predicted probabilities [none, tier 0, …].</summary>
    public TierDecision Decide(ReadOnlySpan<float> probabilities, IReadOnlyList<TierOption> tiers, PacingState pacing)
    {
        ArgumentNullException.ThrowIfNull(pacing);
        Check(tiers);
        if (probabilities.Length != tiers.Count + 1)
            throw new ArgumentException($"Expected {tiers.Count + 1} probabilities, got {probabilities.Length}.", nameof(probabilities));
        var lambda = controller.Update(pacing);
        var remaining = pacing.Remaining;
        var best = -1;
        var bestValue = 0.0;
        var bestUplift = 0.0;
        for (var j = 0; j < tiers.Count; j++)
        {
            var p = probabilities[j + 1];
            var cost = basis == CostBasis.AtGrant ? tiers[j].FaceValue : tiers[j].FaceValue * p;
            if (tiers[j].FaceValue > remaining)
                continue;
            var uplift = p - probabilities[0];
            var value = uplift - lambda * cost;
            if (value > bestValue)
            {
                bestValue = value;
                best = j;
                bestUplift = uplift;
            }
        }

        return new TierDecision(best, lambda, bestUplift);
    }

    /// <summary>The budget cost of <paramref name="tier"/> under this chooser's cost basis.</summary>
    public double CostOf(TierOption tier, float probability)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return basis == CostBasis.AtGrant ? tier.FaceValue : tier.FaceValue * probability;
    }

    private static void Check(IReadOnlyList<TierOption> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.Count == 0)
            throw new ArgumentException("At least one tier is needed.", nameof(tiers));
        if (tiers.Any(t => t.FaceValue <= 0))
            throw new ArgumentException("Every tier needs a positive face value.", nameof(tiers));
    }
}
