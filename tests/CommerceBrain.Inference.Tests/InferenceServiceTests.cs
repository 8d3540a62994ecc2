using System.Diagnostics;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Models;
using CommerceBrain.Inference.Tests.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static CommerceBrain.Inference.Tests.BatchingTestKit;

namespace CommerceBrain.Inference.Tests;

public sealed class InferenceServiceTests
{
    [Fact]
    public async Task Hot_swapping_during_concurrent_batched_inference_fails_no_request_and_disposes_old_sessions()
    {
        using var registry = new ModelRegistry();
        var disposed = new HashSet<string>();
        registry.VersionDisposed += info => { lock (disposed) disposed.Add(info.Version); };
        registry.Publish("intent", "v0", TestModels.LinearSoftmax());
        var options = Options.Create(new InferenceOptions { MaxBatchSize = 8, MaxBatchWait = TimeSpan.FromMilliseconds(1) });
        await using var service = new InferenceService(registry, options);
        using var stop = new CancellationTokenSource();
        var completed = 0;
        const int Versions = 6;

        var callers = Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            while (!stop.IsCancellationRequested)
            {
                var x = RandomRow(random, 3);
                var result = await service.InferAsync("intent", LinearRequest(x));
                // Version vN shifts both biases by N, so the result proves which version computed it.
                var shift = int.Parse(result.ModelVersion[1..], System.Globalization.CultureInfo.InvariantCulture);
                var expected = TestModels.LinearSoftmaxByHand(x, shift).Logits;
                Assert.Equal(expected, result.Floats("logits"), new FloatComparer(1e-4f));
                Interlocked.Increment(ref completed);
            }
        })).ToArray();

        for (var v = 1; v <= Versions; v++)
        {
            var before = Volatile.Read(ref completed);
            registry.Publish("intent", $"v{v}", TestModels.LinearSoftmax(biasShift: v));
            await WaitUntil(() => Volatile.Read(ref completed) > before + 50);
        }
        await stop.CancelAsync();
        await WithinTimeout(Task.WhenAll(callers));

        Assert.Equal(Enumerable.Range(0, Versions).Select(v => $"v{v}").ToHashSet(), disposed);
        Assert.Equal($"v{Versions}", service.FindModel("intent")!.Version);
    }

    [Fact]
    public async Task An_unknown_model_is_refused_at_once()
    {
        using var registry = RegistryWith("intent", TestModels.LinearSoftmax());
        await using var service = new InferenceService(registry, Options.Create(new InferenceOptions()));

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => service.InferAsync("faq", LinearRequest([1f, 2f, 3f])));

        Assert.Contains("intent", error.Message);
        Assert.Null(service.FindModel("faq"));
    }

    [Fact]
    public async Task AddInference_binds_options_and_loads_configured_model_files_at_start()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cb-service-{Guid.NewGuid():N}.onnx");
        await File.WriteAllBytesAsync(path, TestModels.LinearSoftmax());
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CommerceBrain:Inference:MaxBatchSize"] = "7",
                ["CommerceBrain:Inference:MaxBatchWait"] = "00:00:00.002",
                ["CommerceBrain:Inference:IntraOpThreads"] = "1",
                ["CommerceBrain:Inference:Models:intent"] = path,
            }).Build();
            var services = new ServiceCollection().AddLogging().AddInference(configuration);
            await using var provider = services.BuildServiceProvider();

            foreach (var hosted in provider.GetServices<IHostedService>())
                await hosted.StartAsync(CancellationToken.None);

            var options = provider.GetRequiredService<IOptions<InferenceOptions>>().Value;
            Assert.Equal(7, options.MaxBatchSize);
            Assert.Equal(TimeSpan.FromMilliseconds(2), options.MaxBatchWait);
            var inference = provider.GetRequiredService<IInferenceService>();
            Assert.StartsWith("sha256-", inference.FindModel("intent")!.Version);
            var result = await WithinTimeout(inference.InferAsync("intent", LinearRequest([1f, 2f, 3f])));
            Assert.Equal(2.35f, result.Floats("logits")[0], 1e-5f);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_configured_model_file_that_is_missing_fails_start_up_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cb-absent-{Guid.NewGuid():N}.onnx");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Inference:Models:intent"] = path,
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddInference(configuration).BuildServiceProvider();

        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => provider.GetServices<IHostedService>().OfType<ModelFileLoader>().Single().StartAsync(CancellationToken.None));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task A_synchronously_disposed_container_finishes_queued_work_without_throwing()
    {
        var services = new ServiceCollection().AddLogging().AddInference(new ConfigurationBuilder().Build());
        Task<InferenceResult> pending;
        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<ModelRegistry>().Publish("intent", "v1", TestModels.LinearSoftmax());
            pending = provider.GetRequiredService<IInferenceService>().InferAsync("intent", LinearRequest([1f, 2f, 3f]));
        }

        Assert.Equal(2.35f, (await WithinTimeout(pending)).Floats("logits")[0], 1e-5f);
    }

    [Fact]
    public async Task Stopping_the_host_past_its_shutdown_timeout_terminates_a_model_run_in_progress()
    {
        var model = $"slow-{Guid.NewGuid():N}";
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = BatchStartListener(model, started);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddInference(builder.Configuration);
        using var host = builder.Build();
        await WithinTimeout(host.StartAsync());
        host.Services.GetRequiredService<ModelRegistry>().Publish(model, "v1", SlowModels.EndlessMatMulLoop());
        var call = host.Services.GetRequiredService<IInferenceService>().InferAsync(model, SlowModels.Request());
        await WithinTimeout(started.Task);

        // A cancelled token is what the host hands its services once the shutdown timeout has passed.
        using var timedOut = new CancellationTokenSource();
        timedOut.Cancel();
        await WithinTimeout(host.StopAsync(timedOut.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithinTimeout(call));
        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => host.Services.GetRequiredService<IInferenceService>().InferAsync(model, SlowModels.Request()));
    }

    [Fact]
    public async Task Stopping_the_host_in_time_finishes_queued_requests()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddInference(builder.Configuration);
        using var host = builder.Build();
        await WithinTimeout(host.StartAsync());
        host.Services.GetRequiredService<ModelRegistry>().Publish("intent", "v1", TestModels.LinearSoftmax());
        var inference = host.Services.GetRequiredService<IInferenceService>();
        var calls = Enumerable.Range(0, 50).Select(i => inference.InferAsync("intent", LinearRequest([i, 1f, 2f]))).ToArray();

        await WithinTimeout(host.StopAsync(CancellationToken.None));

        for (var i = 0; i < calls.Length; i++)
            Assert.Equal(TestModels.LinearSoftmaxByHand([i, 1f, 2f]).Logits, (await WithinTimeout(calls[i])).Floats("logits"), new FloatComparer(1e-5f));
    }

    /// <summary>Signals when a batch of <paramref name="model"/> starts, from the module's own "inference.batch" activity.</summary>
    static ActivityListener BatchStartListener(string model, TaskCompletionSource started)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == InferenceTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                if (activity.GetTagItem("inference.model") as string == model)
                    started.TrySetResult();
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
            await Task.Delay(1, timeout.Token);
    }
}
