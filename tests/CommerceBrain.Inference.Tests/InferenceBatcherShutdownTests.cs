using CommerceBrain.Inference.Batching;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Tests.Models;
using static CommerceBrain.Inference.Tests.BatchingTestKit;

namespace CommerceBrain.Inference.Tests;

/// <summary>Stopping a batcher whose batch never finishes on its own (see <see cref="SlowModels"/>).</summary>
public sealed class InferenceBatcherShutdownTests
{
    [Fact]
    public async Task Stopping_with_a_cancelled_token_terminates_the_running_batch_and_cancels_the_queued_requests()
    {
        using var registry = RegistryWith("slow", SlowModels.EndlessMatMulLoop());
        var options = new InferenceOptions { MaxBatchSize = 1, MaxBatchWait = TimeSpan.Zero, RunnersPerModel = 1 };
        var batcher = new InferenceBatcher(registry, "slow", options);
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        batcher.BatchStarting += size => started.TrySetResult(size);

        var running = batcher.InferAsync(SlowModels.Request());
        Assert.Equal(1, await WithinTimeout(started.Task));
        // The only runner is busy, so this one waits in the queue.
        var queued = batcher.InferAsync(SlowModels.Request());
        using var shutdown = new CancellationTokenSource();
        var stopping = batcher.StopAsync(shutdown.Token);
        shutdown.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithinTimeout(running));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithinTimeout(queued));
        await WithinTimeout(stopping);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.InferAsync(SlowModels.Request()));
    }

    [Fact]
    public async Task A_stop_waits_for_the_running_batch_until_its_token_is_cancelled()
    {
        using var registry = RegistryWith("slow", SlowModels.EndlessMatMulLoop());
        var batcher = new InferenceBatcher(registry, "slow", new InferenceOptions { MaxBatchWait = TimeSpan.Zero, RunnersPerModel = 1 });
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        batcher.BatchStarting += size => started.TrySetResult(size);
        var running = batcher.InferAsync(SlowModels.Request());
        await WithinTimeout(started.Task);

        using var shutdown = new CancellationTokenSource();
        var stopping = batcher.StopAsync(shutdown.Token);
        // A graceful stop drains: with the batch still running, neither the caller nor the stop has finished.
        Assert.False(stopping.IsCompleted);
        Assert.False(running.IsCompleted);
        shutdown.Cancel();

        await WithinTimeout(stopping);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithinTimeout(running));
    }

    [Fact]
    public async Task A_batch_terminated_by_a_stop_is_not_retried_request_by_request()
    {
        using var registry = RegistryWith("slow", SlowModels.EndlessMatMulLoop());
        var options = new InferenceOptions { MaxBatchSize = 3, MaxBatchWait = TimeSpan.Zero, RunnersPerModel = 1 };
        var batcher = new InferenceBatcher(registry, "slow", options, time: null, logger: null, start: false);
        var starts = new List<int>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        batcher.BatchStarting += size =>
        {
            lock (starts)
                starts.Add(size);
            started.TrySetResult();
        };
        InferenceRequest[] requests = [SlowModels.Request(), SlowModels.Request(), SlowModels.Request()];
        var calls = requests.Select(r => batcher.InferAsync(r)).ToArray();
        batcher.Start();
        await WithinTimeout(started.Task);

        using var shutdown = new CancellationTokenSource();
        shutdown.Cancel();
        await WithinTimeout(batcher.StopAsync(shutdown.Token));

        foreach (var call in calls)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithinTimeout(call));
        // One run of three; a failed batch would otherwise be re-run one request at a time.
        Assert.Equal([3], starts);
    }
}
