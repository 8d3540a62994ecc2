using CommerceBrain.Actors.Tests.Grains;
using CommerceBrain.Actors.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CommerceBrain.Actors.Tests;

public sealed class TimerTests
{
    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Timer_ticks_never_overlap_and_the_period_counts_from_the_end_of_a_tick(bool throughCallFilters)
    {
        var clock = NewClock();
        await using var cluster = await TestCluster.StartAsync(
            time: clock, actors: throughCallFilters ? b => b.AddIncomingGrainCallFilter<TickObservingFilter>() : null);
        var grain = cluster.Grains.GetGrain<ITimerGrain>("t");
        await grain.StartTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), keepAlive: false, waitForRelease: true);

        clock.Advance(TimeSpan.FromSeconds(1));
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("tick:t:1") == 1, "first tick");

        // Ten periods pass while the first tick is still running: a naive periodic timer would queue ticks now.
        clock.Advance(TimeSpan.FromSeconds(10));
        cluster.Probe.Increment("release");

        // Grain calls are FIFO with ticks, so any tick queued during the advance would have started before this call.
        Assert.Equal((1, 1), await grain.GetTicks());

        clock.Advance(TimeSpan.FromSeconds(1));
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("tick:t:2") == 1, "second tick");
        cluster.Probe.Increment("release");
        Assert.Equal((2, 1), await grain.GetTicks());
    }

    [Fact]
    public async Task An_interleaving_timer_ticks_while_a_request_awaits()
    {
        var clock = NewClock();
        await using var cluster = await TestCluster.StartAsync(time: clock);
        var grain = cluster.Grains.GetGrain<ITimerGrain>("il");
        await grain.StartTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), keepAlive: false, waitForRelease: false, interleave: true);
        var blocked = grain.BlockUntil("il-gate");
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("blocking:il-gate") == 1, "request holds the turn");

        clock.Advance(TimeSpan.FromSeconds(1));

        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("tick-done:il:1") == 1, "tick interleaved with the request");
        Assert.False(blocked.IsCompleted);
        cluster.Probe.Increment("il-gate");
        await blocked;
    }

    [Fact]
    public async Task Timers_die_with_the_activation_and_their_token_is_cancelled()
    {
        var clock = NewClock();
        await using var cluster = await TestCluster.StartAsync(time: clock);
        var grain = cluster.Grains.GetGrain<ITimerGrain>("dies");
        await grain.StartTimer(TimeSpan.Zero, TimeSpan.FromSeconds(1), keepAlive: false, waitForRelease: false);
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("tick-done:dies:1") == 1, "first tick");

        await grain.Deactivate();

        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("tick-cancelled:dies") == 1, "token cancelled");
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("deactivate:dies:ApplicationRequested") == 1, "deactivated");
        clock.Advance(TimeSpan.FromSeconds(5));

        // A new activation has no timer: its tick count starts from zero and stays there.
        Assert.Equal((0, 0), await grain.GetTicks());
    }

    [Fact]
    public async Task Timer_ticks_do_not_keep_a_grain_alive_unless_KeepAlive_is_set()
    {
        var clock = NewClock();
        await using var cluster = await TestCluster.StartAsync(time: clock);
        var plain = cluster.Grains.GetGrain<ITimerGrain>("plain");
        var kept = cluster.Grains.GetGrain<ITimerGrain>("kept");
        // Ticks at hh:30 so they never coincide with the collector, which runs on whole minutes.
        await plain.StartTimer(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), keepAlive: false, waitForRelease: false);
        await kept.StartTimer(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), keepAlive: true, waitForRelease: false);
        var keptActivation = await kept.ActivationNumber();

        for (var step = 1; step <= 32; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            if (step % 2 == 1)
            {
                var tick = (step + 1) / 2;
                await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents($"tick-done:kept:{tick}") == 1, $"kept tick {tick}");
                if (tick <= 15)
                {
                    await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents($"tick-done:plain:{tick}") == 1, $"plain tick {tick}");
                }
            }
        }

        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("deactivate:plain:ActivationIdle") == 1, "plain grain collected");
        Assert.DoesNotContain("deactivate:kept:ActivationIdle", cluster.Probe.Events);
        Assert.Equal(keptActivation, await kept.ActivationNumber());
    }
}
