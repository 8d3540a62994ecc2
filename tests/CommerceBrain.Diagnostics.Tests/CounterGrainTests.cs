using CommerceBrain.Diagnostics.Contracts;
using CommerceBrain.Diagnostics.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CommerceBrain.Diagnostics.Tests;

/// <summary>The counter grain on an Orleans test cluster, over a storage that can fail on demand.</summary>
public sealed class CounterGrainTests : IAsyncLifetime
{
    private readonly ScriptedGrainStorage storage = new();
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.Services.AddGrainStorage("Default", (_, _) => storage));
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task An_increment_is_stored_before_it_is_acknowledged()
    {
        var counter = cluster.Client.GetGrain<ICounterGrain>("stored");

        Assert.Equal(3, await counter.Increment(3));

        Assert.Equal(3, storage.Stored<CounterState>(GrainId.Create("counter", "stored"), CounterGrain.StateName)?.Value);
    }

    [Fact]
    public async Task A_failed_write_is_not_acknowledged_and_not_counted_by_the_next_increment()
    {
        var counter = cluster.Client.GetGrain<ICounterGrain>("c");
        Assert.Equal(1, await counter.Increment(1));

        storage.FailWrites = true;
        var failure = await Assert.ThrowsAsync<OrleansException>(() => counter.Increment(1));
        Assert.IsType<IOException>(failure.InnerException);
        storage.FailWrites = false;

        Assert.Equal(2, await counter.Increment(1));
        Assert.Equal(2, await counter.Get());
    }

    [Fact]
    public async Task A_write_on_a_stale_etag_fails_and_the_counter_continues_from_the_newer_stored_value()
    {
        var counter = cluster.Client.GetGrain<ICounterGrain>("shared");
        Assert.Equal(1, await counter.Increment(1));
        var id = GrainId.Create("counter", "shared");
        storage.WriteBehindTheGrainsBack(id, CounterGrain.StateName, new CounterState { Value = 10 });

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.Increment(1));

        Assert.Equal(11, await counter.Increment(1));
        Assert.Equal(11, storage.Stored<CounterState>(id, CounterGrain.StateName)?.Value);
    }

    [Fact]
    public async Task The_value_survives_deactivation()
    {
        var counter = cluster.Client.GetGrain<ICounterGrain>("durable");
        await counter.Increment(5);

        await cluster.DeactivateAsync(counter);

        Assert.Equal(5, await counter.Get());
    }
}
