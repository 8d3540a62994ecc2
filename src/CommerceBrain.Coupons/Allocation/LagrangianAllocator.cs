namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// Solves the multiple-choice knapsack of an <see cref="AllocationProblem"/> through its Lagrangian dual. For a price
/// λ on budget, each customer independently takes argmax_j (u_ij − λ·c_ij) if that is positive, else nothing; spend
/// falls as λ rises, so bisection finds the smallest λ whose allocation fits. The customers whose choice flips between
/// the feasible and the infeasible end of the final bracket then fill the leftover budget greedily by Δuplift/Δcost.
/// </summary>
public static class LagrangianAllocator
{
    /// <summary>Allocates within <paramref name="budget"/>.</summary>
    /// <param name="problem">The batch.</param>
    /// <param name="budget">Budget in minor units (≥ 0).</param>
    /// <param name="tolerance">Bisection stops when the bracket is narrower than this fraction of λ.</param>
    /// <param name="maxIterations">Bisection step limit.</param>
    public static AllocationResult Solve(AllocationProblem problem, double budget, double tolerance = 1e-7, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        var n = problem.Customers;
        var lowChoice = new int[n];
        var highChoice = new int[n];

        var (spendAtZero, _) = Assign(problem, 0, lowChoice);
        if (spendAtZero <= budget)
        {
            var (u, s) = problem.Evaluate(lowChoice);
            return new AllocationResult(lowChoice, 0, s, budget, u, u, 0);
        }

        // Above the best uplift-per-cost ratio nobody is worth a coupon: spend 0, always feasible.
        double low = 0, high = 0;
        for (var k = 0; k < problem.Uplift.Length; k++)
            high = Math.Max(high, problem.Uplift[k] / Math.Max(problem.Cost[k], 1e-12));
        high *= 1.0001;
        var iterations = 0;
        while (iterations < maxIterations && high - low > tolerance * high)
        {
            var mid = 0.5 * (low + high);
            var (spend, _) = Assign(problem, mid, lowChoice);
            if (spend <= budget)
                high = mid;
            else
                low = mid;
            iterations++;
        }

        Assign(problem, low, lowChoice);
        Assign(problem, high, highChoice);
        var dual = Math.Min(DualValue(problem, budget, low), DualValue(problem, budget, high));
        Fill(problem, budget, highChoice, lowChoice);
        var (uplift, final) = problem.Evaluate(highChoice);
        return new AllocationResult(highChoice, high, final, budget, uplift, Math.Max(dual, uplift), iterations);
    }

    /// <summary>Each customer's best tier at price <paramref name="lambda"/>; returns (Σ cost, Σ uplift).</summary>
    internal static (double Spend, double Uplift) Assign(AllocationProblem problem, double lambda, int[] choice)
    {
        var t = problem.Tiers.Count;
        var uplift = problem.Uplift;
        var cost = problem.Cost;
        double spend = 0, gain = 0;
        for (var i = 0; i < problem.Customers; i++)
        {
            var best = -1;
            var bestValue = 0.0;
            var row = i * t;
            for (var j = 0; j < t; j++)
            {
                var value = uplift[row + j] - lambda * cost[row + j];
                if (value > bestValue)
                {
                    bestValue = value;
                    best = j;
                }
            }

            choice[i] = best;
            if (best >= 0)
            {
                spend += cost[row + best];
                gain += uplift[row + best];
            }
        }

        return (spend, gain);
    }

    private static double DualValue(AllocationProblem problem, double budget, double lambda)
    {
        var t = problem.Tiers.Count;
        var value = lambda * budget;
        for (var i = 0; i < problem.Customers; i++)
        {
            var best = 0.0;
            for (var j = 0; j < t; j++)
                best = Math.Max(best, problem.Uplift[i * t + j] - lambda * problem.Cost[i * t + j]);
            value += best;
        }

        return value;
    }

    /// <summary>Moves customers from their feasible-end choice to their infeasible-end one, best Δu/Δc first, while the budget allows.</summary>
    private static void Fill(AllocationProblem problem, double budget, int[] feasible, int[] infeasible)
    {
        var t = problem.Tiers.Count;
        var (_, spend) = problem.Evaluate(feasible);
        var moves = new List<(int Customer, double Gain, double Extra)>();
        for (var i = 0; i < problem.Customers; i++)
        {
            if (feasible[i] == infeasible[i] || infeasible[i] < 0)
                continue;
            var gain = problem.Uplift[i * t + infeasible[i]] - (feasible[i] < 0 ? 0 : problem.Uplift[i * t + feasible[i]]);
            var extra = problem.Cost[i * t + infeasible[i]] - (feasible[i] < 0 ? 0 : problem.Cost[i * t + feasible[i]]);
            if (gain > 0)
                moves.Add((i, gain, extra));
        }

        moves.Sort((a, b) => (b.Gain / Math.Max(b.Extra, 1e-12)).CompareTo(a.Gain / Math.Max(a.Extra, 1e-12)));
        foreach (var (customer, _, extra) in moves)
        {
            if (spend + extra > budget)
                continue;
            feasible[customer] = infeasible[customer];
            spend += extra;
        }
    }
}
