using CommerceBrain.Load.Double11;

namespace CommerceBrain.Load.Tests.Double11;

public sealed class TrafficShapeTests
{
    [Fact]
    public void Scenario_peak_rates_add_up_to_the_peak()
    {
        var rates = Double11Mix.Default.PeakRates(120, Double11Scenarios.All);
        Assert.Equal(120, rates.Values.Sum(), 6);
        Assert.Equal(120 * 0.55, rates[Double11Scenarios.Faq], 6);
        Assert.Equal(120 * 0.25, rates[Double11Scenarios.OrderStatus], 6);
    }

    [Fact]
    public void Shares_are_renormalised_over_the_scenarios_that_run()
    {
        var rates = Double11Mix.Default.PeakRates(60, [Double11Scenarios.Faq, Double11Scenarios.Handoff]);
        Assert.Equal(2, rates.Count);
        Assert.Equal(60, rates.Values.Sum(), 6);
        Assert.Equal(60 * 55.0 / 60, rates[Double11Scenarios.Faq], 6);
    }

    [Fact]
    public void Mix_options_override_the_defaults_and_bad_ones_are_refused()
    {
        var mix = Double11Mix.From(new Dictionary<string, string> { ["mix.faq"] = "10%", ["mix.coupon"] = "0" });
        Assert.Equal(10, mix.Faq);
        Assert.Equal(0, mix.Coupon);
        Assert.DoesNotContain(Double11Scenarios.CouponStorm, mix.PeakRates(10, Double11Scenarios.All).Keys);
        Assert.Throws<ProfileSettingsException>(() => Double11Mix.From(new Dictionary<string, string> { ["mix.refund"] = "-1" }));
    }

    [Fact]
    public void The_day_ramps_from_a_tenth_of_the_peak_to_the_peak_and_back()
    {
        var phases = TrafficShape.Phases(100, TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.FromMinutes(10), phases.Aggregate(TimeSpan.Zero, (t, p) => t + p.During));
        Assert.Equal(10, TrafficShape.RateAt(phases, TimeSpan.FromSeconds(30)), 6);     // everyday
        Assert.Equal(55, TrafficShape.RateAt(phases, TimeSpan.FromSeconds(120)), 6);    // half-way up the ramp (60 s..180 s)
        Assert.Equal(100, TrafficShape.RateAt(phases, TimeSpan.FromSeconds(300)), 6);   // peak (180 s..420 s)
        Assert.Equal(55, TrafficShape.RateAt(phases, TimeSpan.FromSeconds(480)), 6);    // half-way down (420 s..540 s)
        Assert.Equal(10, TrafficShape.RateAt(phases, TimeSpan.FromSeconds(570)), 6);    // everyday again
        Assert.Equal(TimeSpan.FromMinutes(4), phases.Single(p => p.Name == "peak").During);
    }

    [Fact]
    public void Expected_iterations_match_the_area_under_the_shape()
    {
        var phases = TrafficShape.Phases(100, TimeSpan.FromSeconds(1000));
        // 100 s × 10 + 200 s × 55 + 400 s × 100 + 200 s × 55 + 100 s × 10
        Assert.Equal(64_000, phases.Sum(p => p.Iterations), 6);
    }

    [Fact]
    public void Splitting_at_the_storm_keeps_the_rate_continuous_and_the_time_whole()
    {
        var phases = TrafficShape.Phases(100, TimeSpan.FromSeconds(1000));
        var (before, after) = TrafficShape.SplitAt(phases, TimeSpan.FromSeconds(200));   // inside the ramp up
        Assert.Equal(TimeSpan.FromSeconds(200), before.Aggregate(TimeSpan.Zero, (t, p) => t + p.During));
        Assert.Equal(TimeSpan.FromSeconds(800), after.Aggregate(TimeSpan.Zero, (t, p) => t + p.During));
        Assert.Equal(before[^1].To, after[0].From, 6);
        Assert.Equal(TrafficShape.RateAt(phases, TimeSpan.FromSeconds(200)), after[0].From, 6);
        Assert.Equal(phases.Sum(p => p.Iterations), before.Concat(after).Sum(p => p.Iterations), 6);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(0.5, 2)]
    [InlineData(0.25, 20)]
    [InlineData(2.5, 2)]
    [InlineData(0.01, 60)]
    public void Rates_become_whole_counts_per_interval(double perSecond, int expectedSeconds)
    {
        var interval = TrafficShape.IntervalFor(perSecond);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), interval);
        Assert.True(TrafficShape.CountPer(perSecond, interval) >= 1);
    }

    [Fact]
    public void Quantised_rates_stay_within_two_percent_for_ordinary_rates()
    {
        foreach (var rate in new[] { 0.3, 1.1, 2.75, 7.3, 13.2, 55, 230.4 })
        {
            var interval = TrafficShape.IntervalFor(rate);
            var actual = TrafficShape.CountPer(rate, interval) / interval.TotalSeconds;
            Assert.True(Math.Abs(actual - rate) / rate <= 0.02, $"{rate}/s became {actual}/s");
        }
    }
}
