using CommerceBrain.Coupons.Allocation;

namespace CommerceBrain.Coupons.Tests.Allocation;

public sealed class LagrangianAllocatorTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    [Theory]
    [InlineData(1, CostBasis.AtGrant, 10)]
    [InlineData(2, CostBasis.AtGrant, 80)]
    [InlineData(3, CostBasis.AtRedemption, 5)]
    [InlineData(4, CostBasis.AtRedemption, 60)]
    public void Budget_is_never_exceeded_and_almost_all_of_it_is_used(int seed, CostBasis basis, long perCustomer)
    {
        var customers = SimulatedPopulation.Generate(5_000, seed);
        var problem = AllocationProblem.FromProbabilities(trained.Probabilities(customers), TrainedModel.Tiers, basis);
        var budget = perCustomer * customers.Length;

        var result = LagrangianAllocator.Solve(problem, budget);

        var (uplift, spend) = problem.Evaluate(result.Choice);
        Assert.True(spend <= budget, $"spent {spend} of {budget}");
        Assert.Equal(spend, result.Spend, 6);
        Assert.Equal(uplift, result.PredictedUplift, 6);
        Assert.True(result.BudgetUse > 0.99, $"used {result.BudgetUse:P2}");
    }

    [Fact]
    public void Bisection_converges_to_a_price_with_a_negligible_duality_gap()
    {
        var customers = SimulatedPopulation.Generate(5_000, 7);
        var problem = AllocationProblem.FromProbabilities(trained.Probabilities(customers), TrainedModel.Tiers, CostBasis.AtGrant);

        var result = LagrangianAllocator.Solve(problem, 40.0 * customers.Length);

        Assert.True(result.Lambda > 0);
        Assert.InRange(result.Iterations, 1, 99);
        Assert.True(result.DualityGap >= 0);
        Assert.True(result.DualityGap < 0.005 * result.PredictedUplift, $"gap {result.DualityGap} of {result.PredictedUplift}");
        // The price is the knee: a little cheaper and the per-customer rule alone overspends.
        var lower = new int[customers.Length];
        var (spendBelow, _) = LagrangianAllocator.Assign(problem, result.Lambda * 0.999, lower);
        Assert.True(spendBelow > result.Budget * 0.999);
    }

    [Fact]
    public void A_budget_that_does_not_bind_gives_everyone_their_best_positive_tier_at_zero_price()
    {
        var customers = SimulatedPopulation.Generate(500, 8);
        var problem = AllocationProblem.FromProbabilities(trained.Probabilities(customers), TrainedModel.Tiers, CostBasis.AtGrant);

        var result = LagrangianAllocator.Solve(problem, 1e12);

        Assert.Equal(0, result.Lambda);
        for (var i = 0; i < customers.Length; i++)
        {
            var row = problem.Uplift.AsSpan(i * 3, 3);
            var best = row.ToArray().Max();
            Assert.Equal(best > 0 ? Array.IndexOf(row.ToArray(), best) : -1, result.Choice[i]);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void The_allocation_is_within_the_dual_bound_of_the_exact_optimum_on_a_tiny_instance(int seed)
    {
        // 9 customers × (none + 3 tiers) = 262,144 allocations: enumerable.
        var customers = SimulatedPopulation.Generate(9, seed);
        var problem = AllocationProblem.FromProbabilities(trained.Probabilities(customers), TrainedModel.Tiers, CostBasis.AtGrant);
        const double budget = 3_500;

        var result = LagrangianAllocator.Solve(problem, budget);

        var best = 0.0;
        var choice = new int[customers.Length];
        for (var code = 0; code < (int)Math.Pow(4, customers.Length); code++)
        {
            var c = code;
            for (var i = 0; i < customers.Length; i++, c /= 4)
                choice[i] = c % 4 - 1;
            var (u, s) = problem.Evaluate(choice);
            if (s <= budget)
                best = Math.Max(best, u);
        }

        Assert.True(result.Spend <= budget);
        Assert.True(result.PredictedUplift <= best + 1e-9);
        Assert.True(result.DualBound >= best - 1e-6, $"dual {result.DualBound} below optimum {best}");
    }

    [Fact]
    public void A_problem_without_tiers_or_with_a_free_tier_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => AllocationProblem.FromProbabilities(new float[4], [], CostBasis.AtGrant));
        Assert.Throws<ArgumentException>(() => AllocationProblem.FromProbabilities(new float[4], [new TierOption(0)], CostBasis.AtGrant));
        Assert.Throws<ArgumentException>(() => AllocationProblem.FromProbabilities(new float[5], [new TierOption(100)], CostBasis.AtGrant));
        var problem = AllocationProblem.FromProbabilities(new float[4], [new TierOption(100)], CostBasis.AtGrant);
        Assert.Throws<ArgumentOutOfRangeException>(() => LagrangianAllocator.Solve(problem, -1));
    }
}
