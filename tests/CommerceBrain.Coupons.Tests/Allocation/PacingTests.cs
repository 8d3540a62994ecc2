using CommerceBrain.Coupons.Allocation;

namespace CommerceBrain.Coupons.Tests.Allocation;

public sealed class PacingTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(41, 1.5)]
    [InlineData(42, 0.7)]
    [InlineData(43, 1.2)]
    public void Pacing_keeps_spend_near_the_target_curve_through_a_demand_peak_and_never_overspends(int seed, double demandOverForecast)
    {
        var (probabilities, arrivals, budget, lambda0, profile) = Day(seed, demandOverForecast);
        var chooser = new OnlineTierChooser(new UnusedPredictor(), new PacingController(lambda0, new PacingOptions { TargetCurve = profile.Cumulative }));

        var outcome = PacingSimulation.Run(chooser, probabilities, arrivals, TrainedModel.Tiers, budget);

        Assert.True(outcome.Spent <= budget);
        Assert.True(outcome.MaxDeviation(budget) < 0.06, $"max deviation {outcome.MaxDeviation(budget):P1}");
        Assert.True(outcome.ExhaustedAt is null or > 0.95, $"exhausted at {outcome.ExhaustedAt}");
        Assert.True(outcome.Spent > 0.9 * budget, $"spent {outcome.Spent} of {budget}");
    }

    [Fact]
    public void Without_pacing_a_forecast_too_low_runs_the_budget_dry_early_and_with_pacing_it_lasts()
    {
        var (probabilities, arrivals, budget, lambda0, profile) = Day(44, 1.5);

        var fixedPrice = PacingSimulation.Run(
            new OnlineTierChooser(new UnusedPredictor(), new PacingController(lambda0, new PacingOptions { Proportional = 0, Integral = 0 })),
            probabilities, arrivals, TrainedModel.Tiers, budget);
        var paced = PacingSimulation.Run(
            new OnlineTierChooser(new UnusedPredictor(), new PacingController(lambda0, new PacingOptions { TargetCurve = profile.Cumulative })),
            probabilities, arrivals, TrainedModel.Tiers, budget);

        Assert.NotNull(fixedPrice.ExhaustedAt);
        Assert.True(fixedPrice.ExhaustedAt < 0.9);
        Assert.True(paced.ExhaustedAt is null || paced.ExhaustedAt > fixedPrice.ExhaustedAt + 0.05);
        Assert.True(paced.MaxDeviation(budget) < fixedPrice.MaxDeviation(budget));
    }

    [Fact]
    public void The_controller_raises_the_price_when_ahead_of_target_and_lowers_it_when_behind_within_its_bounds()
    {
        var options = new PacingOptions { Bound = 4 };
        var ahead = new PacingController(1e-3, options);
        var behind = new PacingController(1e-3, options);
        for (var minute = 0; minute <= 600; minute += 10)
        {
            var now = Start.AddMinutes(minute);
            var elapsed = minute / 1440.0;
            ahead.Update(new PacingState(1_000_000, Math.Min(1_000_000, (elapsed + 0.3) * 1_000_000), Start, Start.AddDays(1), now));
            behind.Update(new PacingState(1_000_000, 0, Start, Start.AddDays(1), now));
        }

        Assert.True(ahead.Lambda > 1e-3);
        Assert.True(behind.Lambda < 1e-3);
        Assert.InRange(ahead.Lambda, 1e-3, 4e-3 * 1.000001);
        Assert.InRange(behind.Lambda, 0.25e-3 * 0.999999, 1e-3);
    }

    [Fact]
    public void The_controller_rejects_a_non_positive_starting_price() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacingController(0));

    private (float[] Probabilities, double[] Arrivals, long Budget, double Lambda0, ArrivalProfile Profile) Day(int seed, double demandOverForecast)
    {
        const int forecast = 8_000;
        var actual = (int)(forecast * demandOverForecast);
        var budget = 50L * forecast;
        var profile = new ArrivalProfile(PeakAt: 0.75, PeakWidth: 0.04, PeakHeight: 8);
        var forecastProblem = AllocationProblem.FromProbabilities(
            trained.Probabilities(SimulatedPopulation.Generate(forecast, seed * 10)), TrainedModel.Tiers, CostBasis.AtGrant);
        var lambda0 = LagrangianAllocator.Solve(forecastProblem, budget).Lambda;
        var day = SimulatedPopulation.Generate(actual, seed * 10 + 1);
        return (trained.Probabilities(day), profile.Sample(actual, new Random(seed)), budget, lambda0, profile);
    }

    private sealed class UnusedPredictor : IConversionPredictor
    {
        public ValueTask<float[]> PredictAsync(CustomerFeatures customer, IReadOnlyList<TierOption> tiers, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The replay passes probabilities.");
    }
}
