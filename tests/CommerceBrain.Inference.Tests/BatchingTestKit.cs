using CommerceBrain.Inference.Batching;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Models;
using CommerceBrain.Inference.Tests.Models;
using Microsoft.Extensions.Time.Testing;

namespace CommerceBrain.Inference.Tests;

/// <summary>Builders shared by the batching tests.</summary>
internal static class BatchingTestKit
{
    public static ModelRegistry RegistryWith(string name, byte[] model, string version = "v1")
    {
        var registry = new ModelRegistry();
        registry.Publish(name, version, model);
        return registry;
    }

    /// <summary>A batcher on a fake clock that is never advanced: batches close only when full.</summary>
    public static InferenceBatcher FullBatchesOnly(ModelRegistry registry, string model, int maxBatch, List<int> sizes, bool start = true)
    {
        var options = new InferenceOptions { MaxBatchSize = maxBatch, MaxBatchWait = TimeSpan.FromHours(1), RunnersPerModel = 1 };
        var batcher = new InferenceBatcher(registry, model, options, new FakeTimeProvider(), logger: null, start);
        batcher.BatchRan += size => { lock (sizes) sizes.Add(size); };
        return batcher;
    }

    public static InferenceRequest LinearRequest(float[] x) => InferenceRequest.Of(InputRow.Float("x", x));

    public static float[] RandomRow(Random random, int length) =>
        Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();

    public static async Task<T> WithinTimeout<T>(Task<T> task) => await task.WaitAsync(TimeSpan.FromSeconds(30));

    public static async Task WithinTimeout(Task task) => await task.WaitAsync(TimeSpan.FromSeconds(30));
}
