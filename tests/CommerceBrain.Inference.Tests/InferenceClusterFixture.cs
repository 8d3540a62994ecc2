using CommerceBrain.Inference.Models;
using CommerceBrain.Inference.Tests.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CommerceBrain.Inference.Tests;

/// <summary>
/// One in-process Orleans silo with the inference module. Batches close only when full (MaxBatchSize 4, and the wait
/// runs on a fake clock that is never advanced), so a call that completes proves four calls reached the batcher together.
/// </summary>
public sealed class InferenceClusterFixture : IAsyncLifetime
{
    public const int BatchSize = 4;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new();

    public ModelRegistry Registry => Cluster.GetSiloServiceProvider().GetRequiredService<ModelRegistry>();

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Inference:MaxBatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CommerceBrain:Inference:MaxBatchWait"] = "01:00:00",
            ["CommerceBrain:Inference:RunnersPerModel"] = "1",
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.Services.AddSingleton<TimeProvider>(Clock).AddInference(configuration));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Registry.Publish("intent", "v1", TestModels.LinearSoftmax());
        Registry.Publish("typed", "v1", TypedModels.CastToEveryType("batch", 3L));
        Registry.Publish("bag", "v1", TestModels.EmbeddingBagMean());
    }

    public async Task DisposeAsync()
    {
        // A test that failed half-way may leave a partial batch waiting for the clock: let it run so the silo can stop.
        Clock.Advance(TimeSpan.FromHours(2));
        await Cluster.DisposeAsync();
    }
}
