using CommerceBrain.Load.Simulations;

namespace CommerceBrain.Load.Tests.Simulations;

public sealed class SchedulePlanTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Inject_releases_rate_per_interval_evenly_spaced()
    {
        var segment = Assert.Single(SchedulePlan.Build([Simulation.Inject(10, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2))]));

        Assert.Equal(SegmentModel.Open, segment.Model);
        Assert.Equal(20, segment.StartRate, 9);
        Assert.Equal(40, segment.IterationCount);
        Assert.Equal(0, segment.OffsetSeconds(0));
        Assert.Equal(0.05, segment.OffsetSeconds(1), 9);
        Assert.Equal(1.95, segment.OffsetSeconds(39), 9);
    }

    [Fact]
    public void Inject_of_100_per_second_for_one_second_is_exactly_100_iterations()
    {
        var segment = Assert.Single(SchedulePlan.Build([Simulation.Inject(100, Second, Second)]));
        Assert.Equal(100, segment.IterationCount);
        Assert.True(segment.OffsetSeconds(99) < 1);
    }

    [Fact]
    public void Ramping_inject_from_nothing_releases_the_area_under_the_line()
    {
        var segment = Assert.Single(SchedulePlan.Build([Simulation.RampingInject(100, Second, TimeSpan.FromSeconds(10))]));

        Assert.Equal(0, segment.StartRate);
        Assert.Equal(100, segment.EndRate);
        Assert.Equal(500, segment.IterationCount);
        // N(t) = 100 t² / 20 = 5 t², so the k-th release is at sqrt(k / 5).
        Assert.Equal(Math.Sqrt(125 / 5.0), segment.OffsetSeconds(125), 9);
        Assert.Equal(Math.Sqrt(499 / 5.0), segment.OffsetSeconds(499), 9);
        // The first second releases 5 iterations, the last one 95: the rate grows with the line.
        Assert.Equal(5, CountBetween(segment, 0, 1));
        Assert.Equal(95, CountBetween(segment, 9, 10));
    }

    [Fact]
    public void Ramping_inject_starts_from_the_previous_rate_and_can_ramp_down_to_zero()
    {
        var plan = SchedulePlan.Build(
        [
            Simulation.Inject(100, Second, TimeSpan.FromSeconds(2)),
            Simulation.RampingInject(300, Second, TimeSpan.FromSeconds(4)),
            Simulation.RampingInject(0, Second, TimeSpan.FromSeconds(2)),
        ]);

        Assert.Equal(3, plan.Count);
        Assert.Equal((100.0, 300.0), (plan[1].StartRate, plan[1].EndRate));
        Assert.Equal(2, plan[1].StartSeconds);
        Assert.Equal(800, plan[1].IterationCount);       // (100 + 300) / 2 × 4 s
        Assert.Equal((300.0, 0.0), (plan[2].StartRate, plan[2].EndRate));
        Assert.Equal(300, plan[2].IterationCount);       // 300 / 2 × 2 s
        Assert.All(Enumerable.Range(0, 300), k => Assert.InRange(plan[2].OffsetSeconds(k), 0, 2));
        Assert.True(IsIncreasing(plan[2], 300));
    }

    [Fact]
    public void Burst_releases_its_count_at_the_start_then_waits()
    {
        var plan = SchedulePlan.Build([Simulation.Burst(50, TimeSpan.FromSeconds(3)), Simulation.Inject(10, Second, Second)]);

        Assert.Equal(50, plan[0].IterationCount);
        Assert.All(Enumerable.Range(0, 50), k => Assert.Equal(0, plan[0].OffsetSeconds(k)));
        Assert.Equal(3, plan[1].StartSeconds);
    }

    [Fact]
    public void Pause_releases_nothing_and_resets_the_rate_a_ramp_starts_from()
    {
        var plan = SchedulePlan.Build(
        [
            Simulation.Inject(100, Second, Second),
            Simulation.Pause(TimeSpan.FromSeconds(5)),
            Simulation.RampingInject(10, Second, TimeSpan.FromSeconds(2)),
        ]);

        Assert.Equal(SegmentModel.Pause, plan[1].Model);
        Assert.Equal(0, plan[1].IterationCount);
        Assert.Equal(6, plan[2].StartSeconds);
        Assert.Equal(0, plan[2].StartRate);
        Assert.Equal(10, plan[2].IterationCount);
    }

    [Fact]
    public void Keep_constant_holds_its_copies_and_ramping_constant_moves_linearly_from_the_previous_count()
    {
        var plan = SchedulePlan.Build(
        [
            Simulation.KeepConstant(10, TimeSpan.FromSeconds(2)),
            Simulation.RampingConstant(30, TimeSpan.FromSeconds(10)),
            Simulation.RampingConstant(0, TimeSpan.FromSeconds(4)),
        ]);

        Assert.Equal(SegmentModel.Closed, plan[0].Model);
        Assert.Equal(10, plan[0].CopiesAt(0));
        Assert.Equal(10, plan[0].CopiesAt(1.9));
        Assert.Equal(10, plan[1].CopiesAt(0));
        Assert.Equal(20, plan[1].CopiesAt(5));
        Assert.Equal(30, plan[1].CopiesAt(10));
        Assert.Equal(30, plan[1].CopiesAt(99));
        Assert.Equal(15, plan[2].CopiesAt(2));
        Assert.Equal(0, plan[2].CopiesAt(4));
        Assert.Equal(0, plan[1].IterationCount);
    }

    [Fact]
    public void Warm_up_runs_the_schedules_prefix_cut_where_it_ends()
    {
        var plan = SchedulePlan.Build([Simulation.Inject(10, Second, TimeSpan.FromSeconds(2)), Simulation.RampingInject(110, Second, TimeSpan.FromSeconds(10))]);

        var warmUp = SchedulePlan.Truncate(plan, 7);

        Assert.Equal(2, warmUp.Count);
        Assert.Equal(plan[0], warmUp[0]);
        Assert.Equal(5, warmUp[1].DurationSeconds);
        Assert.Equal(60, warmUp[1].EndRate, 9);           // halfway up 10 → 110
        Assert.Equal(175, warmUp[1].IterationCount);      // (10 + 60) / 2 × 5 s
        Assert.Empty(SchedulePlan.Truncate(plan, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Simulations_reject_a_rate_or_copies_that_is_not_positive(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(value, Second, Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.KeepConstant(value, Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Burst(value, Second));
    }

    [Fact]
    public void Simulations_reject_durations_and_intervals_that_are_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(1, Second, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(1, TimeSpan.Zero, Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Pause(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.RampingConstant(-1, Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.RampingInject(-1, Second, Second));
    }

    private static int CountBetween(PlannedSegment segment, double from, double to)
    {
        var n = 0;
        for (long k = 0; k < segment.IterationCount; k++)
        {
            var t = segment.OffsetSeconds(k);
            if (t >= from && t < to)
            {
                n++;
            }
        }

        return n;
    }

    private static bool IsIncreasing(PlannedSegment segment, int count)
    {
        for (var k = 1; k < count; k++)
        {
            if (segment.OffsetSeconds(k) <= segment.OffsetSeconds(k - 1))
            {
                return false;
            }
        }

        return true;
    }
}
