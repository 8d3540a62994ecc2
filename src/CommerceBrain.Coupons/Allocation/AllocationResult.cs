namespace CommerceBrain.Coupons.Allocation;

/// <summary>The outcome of a batch allocation.</summary>
/// <param name="Choice">Per customer the tier index, or −1 for no coupon.</param>
/// <param name="Lambda">The price of budget λ* (0 when the budget does not bind).</param>
/// <param name="Spend">Σ cost of the allocation (≤ budget).</param>
/// <param name="Budget">The budget.</param>
/// <param name="PredictedUplift">Σ predicted uplift (the primal objective).</param>
/// <param name="DualBound">min over the bracketing λ of λ·B + Σ max(0, max_j u_ij − λ·c_ij): an upper bound on any feasible allocation.</param>
/// <param name="Iterations">Bisection steps taken.</param>
public sealed record AllocationResult(
    int[] Choice, double Lambda, double Spend, double Budget, double PredictedUplift, double DualBound, int Iterations)
{
    /// <summary>DualBound − PredictedUplift: how far from optimal the allocation can at most be.</summary>
    public double DualityGap => DualBound - PredictedUplift;

    /// <summary>Spend / budget.</summary>
    public double BudgetUse => Budget > 0 ? Spend / Budget : 0;
}
