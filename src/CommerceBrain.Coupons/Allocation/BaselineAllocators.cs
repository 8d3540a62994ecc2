namespace CommerceBrain.Coupons.Allocation;

/// <summary>The allocations the optimiser is compared with: first come, first served until the budget runs out.</summary>
public static class BaselineAllocators
{
    /// <summary>Everyone gets tier <paramref name="tier"/>, in a random arrival order, until the next grant would exceed the budget.</summary>
    public static int[] Uniform(AllocationProblem problem, int tier, double budget, int seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(tier);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tier, problem.Tiers.Count);
        return Serve(problem, budget, seed, _ => tier);
    }

    /// <summary>Each customer, in a random arrival order, gets a tier drawn at random until the next grant would exceed the budget.</summary>
    public static int[] Random(AllocationProblem problem, double budget, int seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var draw = new Random(unchecked(seed * 31 + 7));
        return Serve(problem, budget, seed, _ => draw.Next(problem.Tiers.Count));
    }

    private static int[] Serve(AllocationProblem problem, double budget, int seed, Func<int, int> tierOf)
    {
        var n = problem.Customers;
        var t = problem.Tiers.Count;
        var choice = new int[n];
        Array.Fill(choice, -1);
        var order = new int[n];
        for (var i = 0; i < n; i++)
            order[i] = i;
        new Random(seed).Shuffle(order);
        var spend = 0.0;
        foreach (var i in order)
        {
            var tier = tierOf(i);
            var cost = problem.Cost[i * t + tier];
            if (spend + cost > budget)
                break;
            choice[i] = tier;
            spend += cost;
        }

        return choice;
    }
}
