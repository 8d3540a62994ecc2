using CommerceBrain.Actors.Tests.Grains;
using CommerceBrain.Actors.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CommerceBrain.Actors.Tests;

public sealed class ReminderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reminder_fires_after_a_restart_and_ticks_missed_while_down_are_skipped()
    {
        var clock = new FakeTimeProvider(Start);
        var probe = new Probe();
        var storage = new InMemoryGrainStorage();
        var table = new InMemoryReminderTable();
        var first = await TestCluster.StartAsync(time: clock, probe: probe, storage: storage, reminders: table);
        await first.Grains.GetGrain<IReminderGrain>("r").Register("sla", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        await probe.WaitUntil(() => probe.Count("reminder:sla") == 1, "first tick");
        await first.DisposeAsync();

        clock.Advance(TimeSpan.FromMinutes(5.5));
        await using var second = await TestCluster.StartAsync(time: clock, probe: probe, storage: storage, reminders: table);
        clock.Advance(TimeSpan.FromMinutes(0.5));

        await probe.WaitUntil(() => probe.Count("reminder:sla") == 2, "tick after restart");
        Assert.Contains($"reminder:r:sla:{Start.AddMinutes(7):O}", probe.Events);
        Assert.Equal(2, probe.Events.Count(e => e.StartsWith("reminder:r:sla:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unregistering_a_reminder_removes_it_from_the_table()
    {
        var clock = new FakeTimeProvider(Start);
        await using var cluster = await TestCluster.StartAsync(time: clock);
        var grain = cluster.Grains.GetGrain<IReminderGrain>("u");
        await grain.Register("a", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        await grain.Register("b", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        Assert.Equal(["a", "b"], (await grain.Names()).Order());

        await grain.Unregister("a");

        Assert.Equal(["b"], await grain.Names());
        Assert.Equal(1, cluster.Reminders.Count);
        clock.Advance(TimeSpan.FromMinutes(1));
        await cluster.Probe.WaitUntil(() => cluster.Probe.Count("reminder:b") == 1, "b fires");
        Assert.Equal(0, cluster.Probe.Count("reminder:a"));
    }

    [Fact]
    public async Task Reminder_periods_below_the_minimum_are_rejected()
    {
        await using var cluster = await TestCluster.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => cluster.Grains.GetGrain<IReminderGrain>("short").Register("x", TimeSpan.Zero, TimeSpan.FromSeconds(5)));

        Assert.Contains("MinimumReminderPeriod", error.Message);
        Assert.Equal(0, cluster.Reminders.Count);
    }
}
