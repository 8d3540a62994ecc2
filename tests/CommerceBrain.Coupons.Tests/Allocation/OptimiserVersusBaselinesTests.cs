using CommerceBrain.Coupons.Allocation;

namespace CommerceBrain.Coupons.Tests.Allocation;

public sealed class OptimiserVersusBaselinesTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    [Theory]
    [InlineData(21, CostBasis.AtGrant, 20)]
    [InlineData(22, CostBasis.AtGrant, 100)]
    [InlineData(23, CostBasis.AtRedemption, 20)]
    [InlineData(24, CostBasis.AtGrant, 50)]
    public void Optimised_allocation_converts_more_truly_than_uniform_or_random_with_the_same_budget(int seed, CostBasis basis, long perCustomer)
    {
        var customers = SimulatedPopulation.Generate(20_000, seed);
        var problem = AllocationProblem.FromProbabilities(trained.Probabilities(customers), TrainedModel.Tiers, basis);
        double budget = perCustomer * customers.Length;

        var optimised = SimulatedPopulation.TrueConversions(customers, LagrangianAllocator.Solve(problem, budget).Choice, TrainedModel.Tiers);

        for (var tier = 0; tier < TrainedModel.Tiers.Length; tier++)
        {
            var uniform = SimulatedPopulation.TrueConversions(customers, BaselineAllocators.Uniform(problem, tier, budget, seed), TrainedModel.Tiers);
            Assert.True(optimised > uniform, $"optimised {optimised:F1} vs uniform tier {tier} {uniform:F1}");
        }

        var random = SimulatedPopulation.TrueConversions(customers, BaselineAllocators.Random(problem, budget, seed), TrainedModel.Tiers);
        Assert.True(optimised > random, $"optimised {optimised:F1} vs random {random:F1}");
    }

    [Fact]
    public void Baselines_stop_granting_when_the_next_coupon_would_exceed_the_budget()
    {
        var customers = SimulatedPopulation.Generate(2_000, 25);
        var problem = AllocationProblem.FromProbabilities(trained.Probabilities(customers), TrainedModel.Tiers, CostBasis.AtGrant);

        var uniform = BaselineAllocators.Uniform(problem, 1, 10_500, 1);
        var random = BaselineAllocators.Random(problem, 10_500, 1);

        Assert.Equal(10, uniform.Count(c => c == 1));
        Assert.True(problem.Evaluate(random).Spend <= 10_500);
    }
}
