using System.Text;
using CommerceBrain.Actors;
using CommerceBrain.Actors.Persistence;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.Diagnostics.Contracts;
using CommerceBrain.Silo.Diagnostics.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.IntegrationTests;

/// <summary>The counter grain on the real actor runtime, over a storage that can fail on demand.</summary>
public sealed class CounterGrainTests : IAsyncLifetime
{
    private readonly ScriptedGrainStorage storage = new();
    private LocalActorHost host = null!;

    public async Task InitializeAsync() =>
        host = await LocalActorHost.StartAsync(
            services => services.AddSingleton<IGrainStorage>(storage),
            actors => actors.AddGrain<ICounterGrain, CounterGrain>());

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_failed_write_is_not_acknowledged_and_not_counted_by_the_next_increment()
    {
        var counter = host.Grains.GetGrain<ICounterGrain>("c");
        Assert.Equal(1, await counter.Increment(1));

        storage.FailWrites = true;
        await Assert.ThrowsAsync<IOException>(() => counter.Increment(1));
        storage.FailWrites = false;

        Assert.Equal(2, await counter.Increment(1));
        Assert.Equal(2, await counter.Get());
    }

    [Fact]
    public async Task A_write_on_a_stale_etag_fails_and_the_counter_continues_from_the_newer_stored_value()
    {
        var counter = host.Grains.GetGrain<ICounterGrain>("shared");
        Assert.Equal(1, await counter.Increment(1));
        storage.WriteBehindTheGrainsBack(new GrainId("counter", "shared"), "counter", Encoding.UTF8.GetBytes("{\"value\":10}"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.Increment(1));

        Assert.Equal(11, await counter.Increment(1));
        Assert.Equal("{\"value\":11}", Encoding.UTF8.GetString(storage.Payload(new GrainId("counter", "shared"), "counter")!));
    }
}
