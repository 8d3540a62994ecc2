using CommerceBrain.Actors.Persistence;
using CommerceBrain.Actors.Tests.Grains;
using CommerceBrain.Actors.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CommerceBrain.Actors.Tests;

public sealed class LifecycleTests
{
    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task DeactivateOnIdle_runs_after_the_current_request_and_queued_requests_reach_a_new_activation()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IProfileGrain>("d");
        var first = await grain.ActivationNumber();

        var deactivating = grain.WaitThenDeactivate("gate");
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("waiting:gate") == 1, "request running");
        var queued = grain.ActivationNumber();
        cluster.Probe.Increment("gate");
        await deactivating;

        Assert.NotEqual(first, await queued);
        Assert.Equal(1, cluster.Probe.CountEvents("deactivate:d:ApplicationRequested"));
    }

    [Fact]
    public async Task Calls_racing_with_deactivation_are_never_lost_and_never_run_on_a_dead_activation()
    {
        await using var cluster = await TestCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IProfileGrain>("race");

        // Every tenth call deactivates the grain while others are queued or arriving; each call persists a counter, so
        // two live activations would collide on the ETag and a lost call would leave the total short.
        var calls = Enumerable.Range(0, 300)
            .Select(i => Task.Run(() => i % 10 == 0 ? grain.IncrementThenDeactivate() : grain.Increment()))
            .ToArray();
        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(1, 300), results.Order());
        Assert.Equal(301, await grain.Increment());
        Assert.True(cluster.Probe.CountEvents("deactivate:race:ApplicationRequested") >= 2);
    }

    [Fact]
    public async Task Under_constant_eviction_and_deactivation_every_call_lands_once_on_a_single_live_activation()
    {
        // 20 keys with room for 5 activations: eviction, DeactivateOnIdle and calls race all the time. Each call persists
        // a per-key counter behind an ETag, so a lost call, a duplicate run or two live activations would show in the totals.
        await using var cluster = await TestCluster.StartAsync(o => o.MaxActivations = 5);
        var expected = new int[20];
        var workers = Enumerable.Range(0, 32).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 40; i++)
            {
                var key = random.Next(20);
                Interlocked.Increment(ref expected[key]);
                var grain = cluster.Grains.GetGrain<IProfileGrain>($"s{key}");
                await (random.Next(8) == 0 ? grain.IncrementThenDeactivate() : grain.Increment());
            }
        })).ToArray();
        await Task.WhenAll(workers);

        for (var key = 0; key < 20; key++)
        {
            Assert.Equal(expected[key] + 1, await cluster.Grains.GetGrain<IProfileGrain>($"s{key}").Increment());
        }

        Assert.Contains(cluster.Probe.Events, e => e.EndsWith(":ActivationLimitExceeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Idle_activations_are_collected_after_the_collection_age_and_incoming_calls_keep_them_alive()
    {
        var clock = NewClock();
        await using var cluster = await TestCluster.StartAsync(time: clock);
        var grain = cluster.Grains.GetGrain<IProfileGrain>("idle");
        await grain.SetName("kept");
        var first = await grain.ActivationNumber();

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(first, await grain.ActivationNumber());
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(first, await grain.ActivationNumber());

        clock.Advance(TimeSpan.FromMinutes(16));
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("deactivate:idle:ActivationIdle") == 1, "idle collection");

        Assert.NotEqual(first, await grain.ActivationNumber());
        Assert.Equal("kept", await grain.GetName());
    }

    [Fact]
    public async Task A_grain_class_can_set_its_own_collection_age()
    {
        var clock = NewClock();
        await using var cluster = await TestCluster.StartAsync(time: clock);
        var shortLived = cluster.Grains.GetGrain<IShortLivedGrain>("s");
        var first = await shortLived.ActivationNumber();

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(first, await shortLived.ActivationNumber());
        clock.Advance(TimeSpan.FromMinutes(4));

        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("deactivate:short") == 1, "collected after its own age");
        Assert.NotEqual(first, await shortLived.ActivationNumber());
    }

    [Fact]
    public async Task DelayDeactivation_keeps_an_idle_grain_from_collection()
    {
        var clock = NewClock();
        await using var cluster = await TestCluster.StartAsync(time: clock);
        var grain = cluster.Grains.GetGrain<IKeepAliveGrain>("k");
        var first = await grain.KeepFor(TimeSpan.FromHours(1));

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(first, await grain.KeepFor(TimeSpan.FromHours(-1)));
        clock.Advance(TimeSpan.FromMinutes(16));
        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("deactivate:k") == 1, "collection after the delay is cancelled");
    }

    [Fact]
    public async Task Least_recently_used_idle_activations_are_evicted_above_the_cap()
    {
        var clock = NewClock();
        await using var cluster = await TestCluster.StartAsync(o => o.MaxActivations = 3, clock);
        foreach (var key in new[] { "p1", "p2", "p3", "p1" })
        {
            await cluster.Grains.GetGrain<IProfileGrain>(key).GetName();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await cluster.Grains.GetGrain<IProfileGrain>("p4").GetName();

        await cluster.Probe.WaitUntil(() => cluster.Probe.CountEvents("deactivate:p2:ActivationLimitExceeded") == 1, "eviction of p2");
        await cluster.Probe.WaitUntil(() => cluster.Runtime.ActivationCount == 3, "three activations left");
        Assert.DoesNotContain(cluster.Probe.Events, e => e.StartsWith("deactivate:p1", StringComparison.Ordinal) ||
                                                         e.StartsWith("deactivate:p3", StringComparison.Ordinal) ||
                                                         e.StartsWith("deactivate:p4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Graceful_shutdown_runs_OnDeactivateAsync_for_every_activation_and_refuses_new_calls()
    {
        var cluster = await TestCluster.StartAsync();
        await cluster.Grains.GetGrain<IProfileGrain>("a").SetName("A");
        await cluster.Grains.GetGrain<IProfileGrain>("b").SetName("B");

        await cluster.StopAsync();

        Assert.Contains("deactivate:a:ShuttingDown", cluster.Probe.Events);
        Assert.Contains("deactivate:b:ShuttingDown", cluster.Probe.Events);
        Assert.Equal(0, cluster.Runtime.ActivationCount);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Grains.GetGrain<IProfileGrain>("c").GetName());
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task Grains_flushing_state_on_shutdown_find_it_after_a_restart()
    {
        var storage = new InMemoryGrainStorage();
        var first = await TestCluster.StartAsync(storage: storage);
        await first.Grains.GetGrain<IFlushingGrain>("f").Add(5);
        await first.DisposeAsync();

        await using var second = await TestCluster.StartAsync(storage: storage);
        Assert.Equal(5, await second.Grains.GetGrain<IFlushingGrain>("f").Total());
    }
}

public interface IKeepAliveGrain : IGrainWithStringKey
{
    Task<long> KeepFor(TimeSpan time);
}

public sealed class KeepAliveGrain(Probe probe) : Grain, IKeepAliveGrain
{
    public Task<long> KeepFor(TimeSpan time)
    {
        DelayDeactivation(time);
        return Task.FromResult(Activation.Id);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }
}

public interface IShortLivedGrain : IGrainWithStringKey
{
    Task<long> ActivationNumber();
}

[CollectionAgeLimit(Minutes = 3)]
public sealed class ShortLivedGrain(Probe probe) : Grain, IShortLivedGrain
{
    public Task<long> ActivationNumber() => Task.FromResult(Activation.Id);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record("deactivate:short");
        return Task.CompletedTask;
    }
}

public interface IFlushingGrain : IGrainWithStringKey
{
    Task Add(int amount);

    Task<int> Total();
}

/// <summary>Keeps its total in memory and writes it only on deactivation (write-behind).</summary>
public sealed class FlushingGrain([PersistentState("total")] IPersistentState<FlushingState> state) : Grain, IFlushingGrain
{
    public Task Add(int amount)
    {
        state.State.Total += amount;
        return Task.CompletedTask;
    }

    public Task<int> Total() => Task.FromResult(state.State.Total);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => state.WriteStateAsync(cancellationToken);
}

public sealed class FlushingState
{
    public int Total { get; set; }
}
