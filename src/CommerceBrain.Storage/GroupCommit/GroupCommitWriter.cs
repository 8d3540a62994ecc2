using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommerceBrain.Storage.GroupCommit;

/// <summary>
/// Coalesces rows appended by many concurrent callers into batches, each written in ONE transaction by the flush
/// delegate. A caller's <see cref="AppendAsync"/> completes only after the transaction holding its row committed,
/// and faults if that transaction failed (only that batch's callers fault). A batch is flushed when it is full or
/// <see cref="GroupCommitOptions.FlushDelay"/> after its first row arrived. At most
/// <see cref="GroupCommitOptions.QueueCapacity"/> rows wait; further callers wait for room (back-pressure).
/// Disposing stops intake and flushes everything accepted, waiting at most
/// <see cref="GroupCommitOptions.ShutdownTimeout"/>; then it cancels the running flushes and fails every caller whose
/// row has not committed with <see cref="GroupCommitAbortedException"/>.
/// </summary>
public sealed class GroupCommitWriter<TRow> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TRow>, CancellationToken, Task> _flush;
    private readonly GroupCommitOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly SemaphoreSlim _room;
    private readonly SemaphoreSlim _flushSlots;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _loop;
    private readonly Queue<Pending> _pending = new();
    private readonly HashSet<Pending[]> _inFlight = new(ReferenceEqualityComparer.Instance);
    private TaskCompletionSource _rowArrived = NewSignal();
    private TaskCompletionSource _batchFull = NewSignal();
    private bool _closing;
    private Task? _disposal;

    /// <param name="name">Names the writer in logs and metrics (e.g. the table).</param>
    /// <param name="flush">
    /// Writes one batch in one transaction; throws if it did not commit. Its token is cancelled when shutdown gives
    /// up waiting (<see cref="GroupCommitOptions.ShutdownTimeout"/>).
    /// </param>
    /// <param name="options">Batching knobs; defaults when null.</param>
    /// <param name="timeProvider">Clock for the flush delay and the shutdown timeout; the system clock when null.</param>
    /// <param name="logger">Logs failed batches and abandoned rows.</param>
    public GroupCommitWriter(
        string name,
        Func<IReadOnlyList<TRow>, CancellationToken, Task> flush,
        GroupCommitOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(flush);
        _options = (options ?? new GroupCommitOptions()).Copy();
        _options.Validate();
        _name = name;
        _flush = flush;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _room = new SemaphoreSlim(_options.QueueCapacity, _options.QueueCapacity);
        _flushSlots = new SemaphoreSlim(_options.MaxConcurrentFlushes, _options.MaxConcurrentFlushes);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Appends a row and completes once it is committed. <paramref name="cancellationToken"/> only cancels waiting
    /// for queue room; once accepted, the row is written.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The writer is shutting down.</exception>
    /// <exception cref="GroupCommitAbortedException">Shutdown gave up before the row's batch committed.</exception>
    public Task AppendAsync(TRow row, CancellationToken cancellationToken = default)
    {
        if (_room.Wait(0))
        {
            return Enqueue(row);
        }

        return WaitForRoomThenEnqueueAsync(row, cancellationToken);
    }

    /// <summary>Rows accepted and not yet committed.</summary>
    public int PendingCount
    {
        get => _options.QueueCapacity - _room.CurrentCount;
    }

    /// <summary>
    /// Stops intake and waits for every accepted row to commit, at most <see cref="GroupCommitOptions.ShutdownTimeout"/>;
    /// then cancels running flushes and fails the callers still waiting. Never throws; a second call waits for the first.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _closing = true;
            _rowArrived.TrySetResult();
            _batchFull.TrySetResult();
            _disposal ??= DisposeCoreAsync();
            return new ValueTask(_disposal);
        }
    }

    private async Task DisposeCoreAsync()
    {
        using (var timeout = new CancellationTokenSource(_options.ShutdownTimeout, _time))
        {
            try
            {
                await _loop.WaitAsync(timeout.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                // Fall through: the database did not answer in time.
            }
        }

        // Cancel what is running, then fail everyone not yet acknowledged. A commit that lands after this point is
        // reported as a failure (the row may be stored); a success is only ever reported for a finished commit.
        await _abort.CancelAsync().ConfigureAwait(false);
        var abandoned = new List<Pending>();
        lock (_gate)
        {
            while (_pending.Count > 0)
            {
                abandoned.Add(_pending.Dequeue());
            }

            foreach (var batch in _inFlight)
            {
                abandoned.AddRange(batch);
            }
        }

        var failure = new GroupCommitAbortedException(
            $"The group-commit writer '{_name}' shut down before this row's batch committed " +
            $"(ShutdownTimeout {_options.ShutdownTimeout} elapsed); the row may or may not be stored.");
        var failed = abandoned.Count(p => p.Completion.TrySetException(failure));
        if (failed > 0)
        {
            StorageLog.GroupCommitAbandoned(_logger, _name, failed, _options.ShutdownTimeout);
        }

        // The loop's waits observe the abort token, so it ends promptly even while a flush hangs.
        await _loop.ConfigureAwait(false);
    }

    private async Task WaitForRoomThenEnqueueAsync(TRow row, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
        try
        {
            await _room.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException(GetType().Name, $"The group-commit writer '{_name}' is shut down.");
        }

        await Enqueue(row).ConfigureAwait(false);
    }

    private Task Enqueue(TRow row)
    {
        var pending = new Pending(row, _time.GetTimestamp());
        lock (_gate)
        {
            if (_closing)
            {
                _room.Release();
                return Task.FromException(new ObjectDisposedException(GetType().Name, $"The group-commit writer '{_name}' is shut down."));
            }

            _pending.Enqueue(pending);
            if (_pending.Count == 1)
            {
                _rowArrived.TrySetResult();
            }

            if (_pending.Count >= _options.MaxBatchSize)
            {
                _batchFull.TrySetResult();
            }
        }

        return pending.Completion.Task;
    }

    private async Task RunAsync()
    {
        var abort = _abort.Token;
        try
        {
            while (true)
            {
                Task arrived;
                lock (_gate)
                {
                    if (_pending.Count == 0 && _closing)
                    {
                        break;
                    }

                    arrived = _pending.Count > 0 ? Task.CompletedTask : _rowArrived.Task;
                }

                await arrived.ConfigureAwait(false);

                Task full;
                long firstArrival;
                lock (_gate)
                {
                    if (_pending.Count == 0)
                    {
                        continue;
                    }

                    full = _pending.Count >= _options.MaxBatchSize || _closing ? Task.CompletedTask : _batchFull.Task;
                    firstArrival = _pending.Peek().EnqueuedAt;
                }

                var waited = _time.GetElapsedTime(firstArrival);
                if (!full.IsCompleted && waited < _options.FlushDelay)
                {
                    await Task.WhenAny(full, Task.Delay(_options.FlushDelay - waited, _time, abort)).ConfigureAwait(false);
                }

                // Taking the batch only once a flush slot is free lets rows keep joining it while earlier batches commit.
                await _flushSlots.WaitAsync(abort).ConfigureAwait(false);
                Pending[] batch;
                lock (_gate)
                {
                    var count = Math.Min(_pending.Count, _options.MaxBatchSize);
                    batch = new Pending[count];
                    for (var i = 0; i < count; i++)
                    {
                        batch[i] = _pending.Dequeue();
                    }

                    _inFlight.Add(batch);
                    _rowArrived = NewSignal();
                    _batchFull = NewSignal();
                    if (_closing)
                    {
                        _rowArrived.TrySetResult();
                        _batchFull.TrySetResult();
                    }
                }

                // FlushAsync never throws: failures go to the batch's callers. It releases its flush slot when done.
                _ = FlushAsync(batch, abort);
            }

            // Holding every flush slot means every batch has committed or failed.
            for (var i = 0; i < _options.MaxConcurrentFlushes; i++)
            {
                await _flushSlots.WaitAsync(abort).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Shutdown gave up; DisposeCoreAsync has failed every caller still waiting.
        }
    }

    private async Task FlushAsync(Pending[] batch, CancellationToken abort)
    {
        // Run the delegate off the loop so the loop can assemble the next batch meanwhile.
        await Task.Yield();
        var started = _time.GetTimestamp();
        using var activity = StorageTelemetry.ActivitySource.StartActivity("group_commit.flush");
        activity?.SetTag("commercebrain.storage.writer", _name);
        activity?.SetTag("commercebrain.storage.batch_size", batch.Length);
        try
        {
            var rows = new TRow[batch.Length];
            for (var i = 0; i < batch.Length; i++)
            {
                rows[i] = batch[i].Row;
            }

            Exception? failure = null;
            try
            {
                await _flush(rows, abort).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failure = ex;
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                StorageLog.GroupCommitFailed(_logger, ex, _name, batch.Length);
                StorageTelemetry.GroupCommitFailures.Add(1, new KeyValuePair<string, object?>("writer", _name));
            }

            StorageTelemetry.GroupCommitBatchSize.Record(batch.Length, new KeyValuePair<string, object?>("writer", _name));
            StorageTelemetry.GroupCommitDuration.Record(_time.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("writer", _name));

            lock (_gate)
            {
                _inFlight.Remove(batch);
            }

            _room.Release(batch.Length);

            foreach (var pending in batch)
            {
                // TrySet: a caller already failed by an abandoned shutdown keeps that failure.
                if (failure is null)
                {
                    pending.Completion.TrySetResult();
                }
                else
                {
                    pending.Completion.TrySetException(failure);
                }
            }
        }
        finally
        {
            _flushSlots.Release();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Pending(TRow row, long enqueuedAt)
    {
        public TRow Row { get; } = row;

        public long EnqueuedAt { get; } = enqueuedAt;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
