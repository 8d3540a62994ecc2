using Microsoft.Extensions.Time.Testing;
using CommerceBrain.Actors.Tests.Grains;
using CommerceBrain.Actors.Tests.Infrastructure;

namespace CommerceBrain.Actors.Tests;

public sealed class FilterTests
{
    [Fact]
    public async Task Filters_run_in_registration_order_then_the_grain_filter_then_the_method_and_may_rewrite_the_result()
    {
        await using var cluster = await TestCluster.StartAsync(actors: b => b
            .AddIncomingGrainCallFilter<FirstFilter>()
            .AddIncomingGrainCallFilter<SecondFilter>());

        var result = await cluster.Grains.GetGrain<IFilteredGrain>("f").Echo("hi");

        Assert.Equal("HI!", result);
        Assert.Equal(
            ["first-before:filtered/f:Echo:hi", "second-before", "grain-filter:FilteredGrain.Echo", "method:HI", "second-after", "first-after"],
            cluster.Probe.Events);
    }

    [Fact]
    public async Task A_grain_implementing_the_filter_interface_filters_its_own_calls_without_registered_filters()
    {
        await using var cluster = await TestCluster.StartAsync();

        await cluster.Grains.GetGrain<IFilteredGrain>("own").Touch();

        Assert.Equal(["grain-filter:FilteredGrain.Touch", "method:touch"], cluster.Probe.Events);
    }

    [Fact]
    public async Task A_registered_filter_observes_timer_ticks_with_the_grain_and_the_callback_method()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestCluster.StartAsync(time: clock, actors: b => b.AddIncomingGrainCallFilter<TickObservingFilter>());
        await cluster.Grains.GetGrain<ITickingGrain>("k").Start("payload", TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(1));
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("filter-after") == 1, "filtered tick");

        Assert.Equal(["filter-before:ticking/k:TickingGrain:Tick:OnTick:payload", "tick:payload", "filter-after"], cluster.Probe.Events);
    }

    [Fact]
    public async Task A_grain_filter_sees_its_own_timer_ticks_and_may_skip_them()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestCluster.StartAsync(time: clock);
        var grain = cluster.Grains.GetGrain<IFilteredGrain>("timed");
        await grain.StartSkippedTimer();

        clock.Advance(TimeSpan.FromSeconds(1));
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("grain-filter:tick:IGrainTimerTick.Tick") == 1, "tick reached the grain filter");

        // The grain filter did not invoke the chain, so the callback never ran; the grain keeps serving calls.
        await grain.Touch();
        Assert.DoesNotContain("skipped-timer-ran", cluster.Probe.Events);
    }

    [Fact]
    public async Task A_filter_that_fails_a_tick_leaves_the_timer_running_on_its_period()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestCluster.StartAsync(time: clock, actors: b => b.AddIncomingGrainCallFilter<FailFirstTickFilter>());
        var grain = cluster.Grains.GetGrain<ITimerGrain>("ff");
        await grain.StartTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), keepAlive: false, waitForRelease: false);

        clock.Advance(TimeSpan.FromSeconds(1));
        await cluster.Probe.WaitUntil(() => cluster.Probe.Count("tick-filter-failed") == 1, "first tick refused");

        // The refused tick re-arms the timer when its failure is handled, which this test cannot observe directly; so it
        // moves the clock one period at a time, checking through the grain, until the next tick has reached the callback.
        for (var period = 0; period < 1000 && (await grain.GetTicks()).Started == 0; period++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("tick-done:ff:1") == 1, "next tick runs");
        Assert.Equal(1, cluster.Probe.Count("tick-filter-failed"));
    }
}
