namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// A batch allocation as a multiple-choice knapsack: per customer i and tier j, the predicted uplift
/// u_ij = p_ij − p_i,none and the budget cost c_ij (face value at grant, or face value × p_ij at redemption).
/// Each customer gets at most one tier.
/// </summary>
public sealed class AllocationProblem
{
    private AllocationProblem(int customers, IReadOnlyList<TierOption> tiers, float[] uplift, float[] cost, CostBasis basis)
    {
        Customers = customers;
        Tiers = tiers;
        Uplift = uplift;
        Cost = cost;
        Basis = basis;
    }

    /// <summary>Number of customers.</summary>
    public int Customers { get; }

    /// <summary>The tiers, in the order of the second index.</summary>
    public IReadOnlyList<TierOption> Tiers { get; }

    /// <summary>u[i * tiers + j].</summary>
    public float[] Uplift { get; }

    /// <summary>c[i * tiers + j].</summary>
    public float[] Cost { get; }

    /// <summary>How cost is counted.</summary>
    public CostBasis Basis { get; }

    /// <summary>
    /// Builds the problem from conversion probabilities laid out per customer as [none, tier 0, tier 1, …]
    /// (<paramref name="probabilities"/>.Length = customers × (tiers + 1)).
    /// </summary>
    /// <exception cref="ArgumentException">No tiers, a non-positive face value, or probabilities of the wrong length.</exception>
    public static AllocationProblem FromProbabilities(ReadOnlySpan<float> probabilities, IReadOnlyList<TierOption> tiers, CostBasis basis)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.Count == 0)
            throw new ArgumentException("At least one tier is needed.", nameof(tiers));
        if (tiers.Any(t => t.FaceValue <= 0))
            throw new ArgumentException("Every tier needs a positive face value.", nameof(tiers));
        var width = tiers.Count + 1;
        if (probabilities.Length % width != 0)
            throw new ArgumentException($"{probabilities.Length} probabilities do not split into rows of {width}.", nameof(probabilities));
        var n = probabilities.Length / width;
        var t = tiers.Count;
        var uplift = new float[n * t];
        var cost = new float[n * t];
        for (var i = 0; i < n; i++)
        {
            var none = probabilities[i * width];
            for (var j = 0; j < t; j++)
            {
                var p = probabilities[i * width + 1 + j];
                uplift[i * t + j] = p - none;
                cost[i * t + j] = basis == CostBasis.AtGrant ? tiers[j].FaceValue : tiers[j].FaceValue * p;
            }
        }

        return new AllocationProblem(n, tiers, uplift, cost, basis);
    }

    /// <summary>Σ predicted uplift and Σ cost of an allocation.</summary>
    public (double Uplift, double Spend) Evaluate(ReadOnlySpan<int> choice)
    {
        double uplift = 0, spend = 0;
        var t = Tiers.Count;
        for (var i = 0; i < Customers; i++)
        {
            if (choice[i] < 0)
                continue;
            uplift += Uplift[i * t + choice[i]];
            spend += Cost[i * t + choice[i]];
        }

        return (uplift, spend);
    }
}
