using System.Threading.Channels;
using System.Collections.Concurrent;
using CommerceBrain.Storage.GroupCommit;
using Microsoft.Extensions.Time.Testing;

namespace CommerceBrain.Storage.Tests.GroupCommit;

/// <summary>Batching, completion and failure semantics of the writer, with an in-memory flush delegate.</summary>
public sealed class GroupCommitWriterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A flush delegate that records batches and can hold each one until released.</summary>
    private sealed class RecordingFlush
    {
        private readonly ConcurrentQueue<TaskCompletionSource> _gates = new();
        private readonly Channel<IReadOnlyList<int>> _entered = Channel.CreateUnbounded<IReadOnlyList<int>>();

        public bool Hold { get; set; }

        public Func<IReadOnlyList<int>, bool> Fails { get; set; } = _ => false;

        public ConcurrentQueue<IReadOnlyList<int>> Committed { get; } = new();

        public async Task Invoke(IReadOnlyList<int> rows, CancellationToken cancellationToken)
        {
            var copy = rows.ToArray();
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Hold)
            {
                _gates.Enqueue(gate);
            }
            else
            {
                gate.SetResult();
            }

            _entered.Writer.TryWrite(copy);
            await gate.Task;
            if (Fails(copy))
            {
                throw new InvalidOperationException($"batch {string.Join(",", copy)} failed");
            }

            Committed.Enqueue(copy);
        }

        public async Task<IReadOnlyList<int>> NextBatchEnteredAsync() =>
            await _entered.Reader.ReadAsync().AsTask().WaitAsync(Patience);

        public void ReleaseOne()
        {
            Assert.True(_gates.TryDequeue(out var gate));
            gate.SetResult();
        }
    }

    [Fact]
    public async Task Callers_complete_only_after_their_batch_commits()
    {
        var flush = new RecordingFlush { Hold = true };
        await using var writer = new GroupCommitWriter<int>("test", flush.Invoke, new GroupCommitOptions { MaxBatchSize = 100, FlushDelay = TimeSpan.FromMilliseconds(1) });

        var first = writer.AppendAsync(1);
        await flush.NextBatchEnteredAsync();
        var appends = Enumerable.Range(2, 9).Select(i => writer.AppendAsync(i)).Prepend(first).ToArray();

        Assert.All(appends, a => Assert.False(a.IsCompleted));
        flush.ReleaseOne();
        await first.WaitAsync(Patience);
        var second = await flush.NextBatchEnteredAsync();
        Assert.Equal(Enumerable.Range(2, 9), second);
        Assert.All(appends.Skip(1), a => Assert.False(a.IsCompleted));
        flush.ReleaseOne();

        await Task.WhenAll(appends).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(1, 10), flush.Committed.SelectMany(b => b));
    }

    [Fact]
    public async Task A_failed_commit_faults_exactly_the_callers_of_that_batch()
    {
        var flush = new RecordingFlush { Hold = true, Fails = batch => batch.Contains(2) };
        await using var writer = new GroupCommitWriter<int>("test", flush.Invoke, new GroupCommitOptions { MaxBatchSize = 100 });

        var one = writer.AppendAsync(1);
        Assert.Equal([1], await flush.NextBatchEnteredAsync());
        var two = writer.AppendAsync(2);
        var three = writer.AppendAsync(3);
        flush.ReleaseOne();
        Assert.Equal([2, 3], await flush.NextBatchEnteredAsync());
        var four = writer.AppendAsync(4);
        flush.ReleaseOne();
        Assert.Equal([4], await flush.NextBatchEnteredAsync());
        flush.ReleaseOne();

        await one.WaitAsync(Patience);
        await four.WaitAsync(Patience);
        var failure2 = await Assert.ThrowsAsync<InvalidOperationException>(() => two.WaitAsync(Patience));
        var failure3 = await Assert.ThrowsAsync<InvalidOperationException>(() => three.WaitAsync(Patience));
        Assert.Same(failure2, failure3);
        Assert.Equal([1, 4], flush.Committed.SelectMany(b => b));
    }

    [Fact]
    public async Task A_full_batch_is_flushed_without_waiting_for_the_delay()
    {
        var flush = new RecordingFlush();
        await using var writer = new GroupCommitWriter<int>(
            "test", flush.Invoke, new GroupCommitOptions { MaxBatchSize = 3, QueueCapacity = 3, FlushDelay = TimeSpan.FromHours(1) }, new FakeTimeProvider());

        await Task.WhenAll(writer.AppendAsync(1), writer.AppendAsync(2), writer.AppendAsync(3)).WaitAsync(Patience);

        Assert.Equal([1, 2, 3], Assert.Single(flush.Committed));
    }

    [Fact]
    public async Task Rows_arriving_within_the_delay_share_one_transaction()
    {
        var time = new FakeTimeProvider();
        var flush = new RecordingFlush();
        await using var writer = new GroupCommitWriter<int>(
            "test", flush.Invoke, new GroupCommitOptions { MaxBatchSize = 100, FlushDelay = TimeSpan.FromMilliseconds(2) }, time);

        var appends = Enumerable.Range(1, 5).Select(i => writer.AppendAsync(i)).ToArray();
        var all = Task.WhenAll(appends);

        // The writer may start its delay timer after an advance, so keep the fake clock moving until the batch commits.
        var deadline = DateTime.UtcNow + Patience;
        while (!all.IsCompleted && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromMilliseconds(2));
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(5)));
        }

        await all.WaitAsync(Patience);
        Assert.Equal([1, 2, 3, 4, 5], Assert.Single(flush.Committed));
    }

    [Fact]
    public async Task A_full_queue_makes_callers_wait_for_room()
    {
        var flush = new RecordingFlush { Hold = true };
        await using var writer = new GroupCommitWriter<int>("test", flush.Invoke, new GroupCommitOptions { MaxBatchSize = 2, QueueCapacity = 4 });

        var accepted = Enumerable.Range(1, 4).Select(i => writer.AppendAsync(i)).ToArray();
        await flush.NextBatchEnteredAsync();
        var waiting = writer.AppendAsync(5);

        Assert.Equal(4, writer.PendingCount);
        Assert.False(waiting.IsCompleted);
        flush.Hold = false;
        flush.ReleaseOne();

        await Task.WhenAll(accepted.Append(waiting)).WaitAsync(Patience);
        Assert.Equal([1, 2, 3, 4, 5], flush.Committed.SelectMany(b => b).Order());
        Assert.All(flush.Committed, b => Assert.True(b.Count <= 2));
    }

    [Fact]
    public async Task A_caller_cancelled_while_waiting_for_room_writes_nothing()
    {
        var flush = new RecordingFlush { Hold = true };
        await using var writer = new GroupCommitWriter<int>("test", flush.Invoke, new GroupCommitOptions { MaxBatchSize = 1, QueueCapacity = 1 });
        var first = writer.AppendAsync(1);
        await flush.NextBatchEnteredAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = writer.AppendAsync(2, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        flush.Hold = false;
        flush.ReleaseOne();
        await first.WaitAsync(Patience);
        await writer.DisposeAsync();
        Assert.Equal([1], flush.Committed.SelectMany(b => b));
    }

    [Fact]
    public async Task Disposing_flushes_every_accepted_row_and_then_refuses_new_ones()
    {
        var flush = new RecordingFlush();
        var writer = new GroupCommitWriter<int>("test", flush.Invoke, new GroupCommitOptions { MaxBatchSize = 100, FlushDelay = TimeSpan.FromHours(1) }, new FakeTimeProvider());
        var appends = Enumerable.Range(1, 7).Select(i => writer.AppendAsync(i)).ToArray();

        await writer.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.All(appends, a => Assert.True(a.IsCompletedSuccessfully));
        Assert.Equal(Enumerable.Range(1, 7), flush.Committed.SelectMany(b => b));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.AppendAsync(8));
    }

    [Fact]
    public async Task Many_concurrent_callers_each_get_their_row_committed_exactly_once()
    {
        var flush = new RecordingFlush();
        await using var writer = new GroupCommitWriter<int>("test", flush.Invoke, new GroupCommitOptions { MaxBatchSize = 64, QueueCapacity = 256, MaxConcurrentFlushes = 3 });

        await Task.WhenAll(Enumerable.Range(0, 5000).Select(i => Task.Run(() => writer.AppendAsync(i)))).WaitAsync(Patience);

        var rows = flush.Committed.SelectMany(b => b).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 5000), rows);
        Assert.All(flush.Committed, b => Assert.InRange(b.Count, 1, 64));
    }

    [Fact]
    public async Task Several_flushes_may_be_in_flight_when_configured()
    {
        var flush = new RecordingFlush { Hold = true };
        await using var writer = new GroupCommitWriter<int>(
            "test", flush.Invoke, new GroupCommitOptions { MaxBatchSize = 1, MaxConcurrentFlushes = 2, ShutdownTimeout = Patience });

        var one = writer.AppendAsync(1);
        var two = writer.AppendAsync(2);

        // Both batches are inside the flush delegate at once, neither released; which entered first is up to the
        // thread pool, so only the set is checked.
        var entered = new[] { await flush.NextBatchEnteredAsync(), await flush.NextBatchEnteredAsync() };
        Assert.Equal([1, 2], entered.SelectMany(b => b).Order());
        Assert.False(one.IsCompleted);
        Assert.False(two.IsCompleted);
        flush.ReleaseOne();
        flush.ReleaseOne();
        await Task.WhenAll(one, two).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_flush_that_hangs_cannot_hang_shutdown_and_its_callers_get_an_exception_not_an_acknowledgement()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = new GroupCommitWriter<int>(
            "hung",
            async (rows, ct) =>
            {
                ct.Register(() => cancelled.TrySetResult());
                entered.TrySetResult();

                // Ignores the token on purpose: the worst case, a driver call that never returns.
                await neverAnswers.Task;
            },
            new GroupCommitOptions { MaxBatchSize = 2, QueueCapacity = 4, ShutdownTimeout = TimeSpan.FromMilliseconds(200) });

        var inFlight = new[] { writer.AppendAsync(1), writer.AppendAsync(2) };
        await entered.Task.WaitAsync(Patience);
        var queued = writer.AppendAsync(3);

        await writer.DisposeAsync().AsTask().WaitAsync(Patience);

        await cancelled.Task.WaitAsync(Patience);
        foreach (var append in inFlight.Append(queued))
        {
            await Assert.ThrowsAsync<GroupCommitAbortedException>(() => append.WaitAsync(Patience));
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.AppendAsync(4));

        // A commit that finally lands after shutdown gave up does not turn the failure into a success.
        neverAnswers.SetResult();
        Assert.True(inFlight[0].IsFaulted);
    }

    [Fact]
    public async Task A_flush_that_honours_cancellation_fails_its_callers_when_shutdown_times_out()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = new GroupCommitWriter<int>(
            "slow",
            async (rows, ct) =>
            {
                entered.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            },
            new GroupCommitOptions { MaxBatchSize = 1, ShutdownTimeout = TimeSpan.FromMilliseconds(100) });

        var append = writer.AppendAsync(1);
        await entered.Task.WaitAsync(Patience);
        await writer.DisposeAsync().AsTask().WaitAsync(Patience);

        var failure = await Record.ExceptionAsync(() => append.WaitAsync(Patience));
        Assert.True(failure is GroupCommitAbortedException or OperationCanceledException, $"unexpected {failure?.GetType()}");
    }

    [Fact]
    public async Task Disposing_twice_waits_for_the_same_drain()
    {
        var flush = new RecordingFlush();
        var writer = new GroupCommitWriter<int>("test", flush.Invoke, new GroupCommitOptions { FlushDelay = TimeSpan.FromHours(1) }, new FakeTimeProvider());
        var append = writer.AppendAsync(1);

        await Task.WhenAll(writer.DisposeAsync().AsTask(), writer.DisposeAsync().AsTask()).WaitAsync(Patience);

        await append.WaitAsync(Patience);
        Assert.Equal([1], flush.Committed.SelectMany(b => b));
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroupCommitWriter<int>("test", (_, _) => Task.CompletedTask, new GroupCommitOptions { MaxBatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroupCommitWriter<int>("test", (_, _) => Task.CompletedTask, new GroupCommitOptions { MaxBatchSize = 10, QueueCapacity = 5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroupCommitWriter<int>("test", (_, _) => Task.CompletedTask, new GroupCommitOptions { ShutdownTimeout = TimeSpan.FromSeconds(-1) }));
    }
}
