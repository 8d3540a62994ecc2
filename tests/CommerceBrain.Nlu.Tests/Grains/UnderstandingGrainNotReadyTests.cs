using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu.Serving;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CommerceBrain.Nlu.Tests.Grains;

/// <summary>The understanding grain on a silo whose models have not loaded.</summary>
public sealed class UnderstandingGrainNotReadyTests : IAsyncLifetime
{
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.Services.AddSingleton<NluModelState>();   // starting, never ready
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Understanding_before_the_models_are_loaded_throws_models_not_ready()
    {
        await Assert.ThrowsAsync<ModelsNotReadyException>(() =>
            cluster.Client.GetGrain<IUnderstandingGrain>(0).Understand(new UnderstandingRequest("where is my order", null)));
    }
}
