using CommerceBrain.Load.Double11;
using CommerceBrain.Load.Simulations;

namespace CommerceBrain.Load.Tests.Double11;

public sealed class Double11ShapeTests
{
    private static readonly HttpMessageHandler Handler = new HttpClientHandler();

    [Fact]
    public void The_driver_plan_of_a_day_runs_the_whole_duration_from_a_tenth_of_the_peak_to_the_peak()
    {
        var plan = SchedulePlan.Build(Double11Shape.Day(11, TimeSpan.FromMinutes(10)));
        Assert.Equal(600, plan[^1].EndSeconds, 6);
        Assert.Equal(1.1, plan[0].StartRate, 2);
        Assert.Equal(11, plan.Max(s => s.EndRate), 2);
        Assert.Equal(1.1, plan[^1].EndRate, 2);
        // 60 s × 1.1 + 120 s × 6.05 + 240 s × 11 + 120 s × 6.05 + 60 s × 1.1 = 4,224 iterations
        Assert.InRange(plan.Sum(s => s.IterationCount), 4224 * 0.98, 4224 * 1.02);
    }

    [Fact]
    public void Scenario_plans_add_up_to_the_peak_at_the_peak()
    {
        var rates = Double11Mix.Default.PeakRates(40, Double11Scenarios.All);
        var atPeak = rates.Sum(r => Rate(SchedulePlan.Build(Double11Shape.Day(r.Value, TimeSpan.FromMinutes(10))), 300));
        Assert.Equal(40, atPeak, 1);
    }

    [Fact]
    public void The_storm_is_a_burst_at_the_storm_time_on_top_of_the_trickle()
    {
        var plan = SchedulePlan.Build(Double11Shape.Storm(2, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), 500));
        var burst = Assert.Single(plan, s => s.Burst > 0);
        Assert.Equal(500, burst.Burst);
        Assert.Equal(300, burst.StartSeconds, 6);
        Assert.Equal(600, plan[^1].EndSeconds, 6);
        Assert.Equal(2, Rate(plan, 200), 2);
        Assert.Equal(2, Rate(plan, 400), 2);
    }

    [Fact]
    public void A_storm_inside_a_ramp_resumes_the_ramp_from_where_it_was()
    {
        var plan = SchedulePlan.Build(Double11Shape.Storm(10, TimeSpan.FromSeconds(1000), TimeSpan.FromSeconds(200), 50));
        var after = plan.SkipWhile(s => s.Burst == 0).Skip(1).First();
        Assert.Equal(5.5, after.StartRate, 1);   // half-way up the ramp from 1/s to 10/s
        Assert.Equal(1000, plan[^1].EndSeconds, 6);
    }

    [Fact]
    public void The_profile_builds_one_scenario_per_share_with_the_storm_only_in_the_coupon_scenario()
    {
        var scenarios = new Double11Profile().Build(Settings(10, TimeSpan.FromMinutes(10)));
        Assert.Equal(Double11Scenarios.All, scenarios.Select(s => s.Name));
        Assert.All(scenarios, s => Assert.Equal(TimeSpan.FromMinutes(10), s.TotalDuration));
        Assert.Contains(scenarios.Single(s => s.Name == Double11Scenarios.CouponStorm).LoadSimulations, s => s is BurstSimulation);
        Assert.DoesNotContain(scenarios.Where(s => s.Name != Double11Scenarios.CouponStorm).SelectMany(s => s.LoadSimulations), s => s is BurstSimulation);
    }

    [Theory]
    [InlineData("scenarios", "faq,chat")]
    [InlineData("storm-at", "120%")]
    [InlineData("storm-at", "soon")]
    [InlineData("agents", "0")]
    [InlineData("wait-timeout", "-5s")]
    [InlineData("mix.faq", "lots")]
    [InlineData("run-id", "has space")]
    [InlineData("stormat", "50%")]
    public void Bad_options_are_refused_with_one_line_naming_them(string key, string value)
    {
        var error = Assert.Throws<ProfileSettingsException>(() =>
            new Double11Profile().Build(Settings(10, TimeSpan.FromMinutes(1), new Dictionary<string, string> { [key] = value })));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Options_choose_scenarios_storm_and_bounds()
    {
        var settings = Settings(0, TimeSpan.FromMinutes(2), new Dictionary<string, string>
        {
            ["scenarios"] = "faq, coupon_storm",
            ["storm-at"] = "30s",
            ["storm-claims"] = "40",
            ["max-iterations"] = "7",
        });
        var options = Double11Options.From(settings, DateTimeOffset.UnixEpoch);
        Assert.Equal(Double11Options.DefaultPeak, options.Peak);
        Assert.Equal(TimeSpan.FromSeconds(30), options.StormAt);
        Assert.Equal(20, options.CouponBudget);
        var scenarios = new Double11Profile().Build(settings);
        Assert.Equal([Double11Scenarios.Faq, Double11Scenarios.CouponStorm], scenarios.Select(s => s.Name));
        Assert.All(scenarios, s => Assert.Equal(7, s.MaxIterations));
    }

    private static double Rate(IReadOnlyList<PlannedSegment> plan, double at)
    {
        var s = plan.Last(p => p.StartSeconds <= at);
        return s.StartRate + ((s.EndRate - s.StartRate) * (at - s.StartSeconds) / s.DurationSeconds);
    }

    private static ProfileSettings Settings(double rate, TimeSpan duration, IReadOnlyDictionary<string, string>? options = null) =>
        new(new Uri("http://127.0.0.1:1"), rate, duration, null, "/", 42, null, options ?? new Dictionary<string, string>(), Handler);
}
