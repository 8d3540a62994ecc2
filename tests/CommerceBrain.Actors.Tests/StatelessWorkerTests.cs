using CommerceBrain.Actors.Tests.Grains;
using CommerceBrain.Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Actors.Tests;

public sealed class StatelessWorkerTests
{
    [Fact]
    public async Task Stateless_workers_serve_one_key_concurrently_up_to_the_maximum()
    {
        await using var cluster = await TestCluster.StartAsync();
        var worker = cluster.Grains.GetGrain<IWorkerGrain>("pool");

        var calls = Enumerable.Range(0, 5).Select(_ => worker.Work()).ToArray();
        await cluster.Probe.WaitUntil(
            () => cluster.Probe.Events.Count(e => e.StartsWith("worker-started:", StringComparison.Ordinal)) == 3, "three workers busy");

        // Three calls are inside three activations at once; the other two wait for a free worker.
        Assert.Equal(3, cluster.Probe.Events.Distinct().Count());
        cluster.Probe.Increment("release");
        var activations = await Task.WhenAll(calls);

        Assert.Equal(3, activations.Distinct().Count());
        var diagnostics = cluster.Host.Services.GetRequiredService<IActorRuntimeDiagnostics>();
        Assert.Equal(3, diagnostics.ActivationCount);
        Assert.Equal(3, diagnostics.ActivationsByType()["worker"]);
    }
}
