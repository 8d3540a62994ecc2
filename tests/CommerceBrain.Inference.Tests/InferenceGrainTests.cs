using CommerceBrain.Actors;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Models;
using CommerceBrain.Inference.Tests.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CommerceBrain.Inference.Tests.BatchingTestKit;

namespace CommerceBrain.Inference.Tests;

public sealed class InferenceGrainTests
{
    [Fact]
    public async Task Grain_calls_for_one_model_reach_the_batcher_together_and_get_their_own_results()
    {
        // Batches close only when full (the fake clock never moves), so four results prove four calls were in flight at once.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Inference:MaxBatchSize"] = "4",
            ["CommerceBrain:Inference:MaxBatchWait"] = "01:00:00",
            ["CommerceBrain:Inference:RunnersPerModel"] = "1",
        }).Build();
        var clock = new FakeTimeProvider();
        await using var host = await LocalActorHost.StartAsync(
            services => services.AddSingleton<TimeProvider>(clock).AddInference(configuration),
            actors => actors.AddInferenceGrains(),
            configuration);
        host.Services.GetRequiredService<ModelRegistry>().Publish("intent", "v1", TestModels.LinearSoftmax());
        var grain = host.Grains.GetGrain<IInferenceGrain>("intent");
        float[][] rows = [[1f, 2f, 3f], [0f, 0f, 0f], [-1f, 0.5f, 2f], [3f, -2f, 0f]];

        InferenceResult[] results;
        try
        {
            results = await WithinTimeout(Task.WhenAll(rows.Select(row => grain.Infer(LinearRequest(row)))));
        }
        finally
        {
            // If the calls were serialised, a partial batch is still waiting: let it run so the host can stop.
            clock.Advance(TimeSpan.FromHours(2));
        }

        for (var i = 0; i < rows.Length; i++)
            Assert.Equal(TestModels.LinearSoftmaxByHand(rows[i]).Logits, results[i].Floats("logits"), new FloatComparer(1e-5f));
    }

    [Fact]
    public async Task A_grain_for_an_unknown_model_fails_the_call_with_ModelNotFoundException()
    {
        await using var host = await LocalActorHost.StartAsync(
            services => services.AddInference(new ConfigurationBuilder().Build()),
            actors => actors.AddInferenceGrains());

        var grain = host.Grains.GetGrain<IInferenceGrain>("nope");

        await Assert.ThrowsAsync<ModelNotFoundException>(() => WithinTimeout(grain.Infer(LinearRequest([1f, 2f, 3f]))));
    }
}
