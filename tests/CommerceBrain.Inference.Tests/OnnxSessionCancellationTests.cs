using CommerceBrain.Inference.Tests.Models;

namespace CommerceBrain.Inference.Tests;

/// <summary>
/// Runs of a graph that never finishes on its own (a MatMul in a Loop of long.MaxValue iterations): only ORT's
/// RunOptions.Terminate can end them, so a run that returns at all was terminated.
/// </summary>
public sealed class OnnxSessionCancellationTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Cancelling_a_running_model_terminates_it_with_OperationCanceledException()
    {
        using var session = OnnxSession.FromBytes(SlowModels.EndlessMatMulLoop());
        using var cts = new CancellationTokenSource();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = StartRun(session, cts.Token, running);
        await running.Task.WaitAsync(Timeout);
        // Not a timing assertion: the outcome is the same either way, the pause only makes it likely that ORT is
        // already inside the loop (rather than at its own start-of-run check) when Terminate is set.
        await Task.Delay(200);
        cts.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Timeout));
        Assert.Equal(cts.Token, error.CancellationToken);
        // The run was ended by ORT honouring RunOptions.Terminate, not by a check of ours before calling it.
        var ort = Assert.IsType<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(error.InnerException);
        Assert.Contains("terminate", ort.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(session.IsDisposed);
    }

    [Fact]
    public void A_token_cancelled_before_the_run_stops_it_before_ORT_is_called()
    {
        using var session = OnnxSession.FromBytes(SlowModels.EndlessMatMulLoop());
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => session.Run([SlowModels.Input()], cancellationToken: cts.Token));
    }

    [Fact]
    public async Task Disposing_a_session_during_a_run_frees_it_only_after_the_run_returns()
    {
        // ORT's InferenceSession.Dispose frees the native session at once; our reference count must keep it alive
        // under the running call, or terminating that call would touch freed memory.
        var session = OnnxSession.FromBytes(SlowModels.EndlessMatMulLoop());
        using var cts = new CancellationTokenSource();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = StartRun(session, cts.Token, running);
        await running.Task.WaitAsync(Timeout);

        session.Dispose();
        Assert.True(session.IsDisposed);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Timeout));
        Assert.Throws<ObjectDisposedException>(() => session.Run([SlowModels.Input()]));
    }

    [Fact]
    public async Task Cancelling_one_run_leaves_a_concurrent_run_of_the_same_session_running()
    {
        using var session = OnnxSession.FromBytes(SlowModels.EndlessMatMulLoop());
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstRun = StartRun(session, first.Token, firstRunning);
        var secondRun = StartRun(session, second.Token, secondRunning);
        await Task.WhenAll(firstRunning.Task, secondRunning.Task).WaitAsync(Timeout);

        first.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstRun.WaitAsync(Timeout));

        // Each run has its own RunOptions: the second is still going until its own token is cancelled.
        Assert.False(secondRun.IsCompleted);
        second.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => secondRun.WaitAsync(Timeout));
    }

    /// <summary>Runs on a dedicated thread (a blocking run must not hold a pool thread) and signals just before ORT is entered.</summary>
    static Task StartRun(OnnxSession session, CancellationToken token, TaskCompletionSource running) =>
        Task.Factory.StartNew(() =>
        {
            running.SetResult();
            session.Run([SlowModels.Input()], cancellationToken: token);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
