using System.Diagnostics;
using System.Threading.Channels;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommerceBrain.Inference.Batching;

/// <summary>
/// Micro-batching for one model: callers submit single examples; runners take up to
/// <see cref="InferenceOptions.MaxBatchSize"/> queued requests (waiting at most <see cref="InferenceOptions.MaxBatchWait"/>
/// for a batch to fill), run them through the model's current version in one <c>Run</c>, and complete each caller with
/// its own slice. A failed batch is retried one request at a time so only the request at fault fails. The queue is
/// bounded: when it is full, callers wait for room. <see cref="StopAsync"/> drains the queue and, once its token is
/// cancelled, terminates the batches still running (ORT's <c>RunOptions.Terminate</c>).
/// </summary>
public sealed partial class InferenceBatcher : IAsyncDisposable
{
    readonly ModelRegistry registry;
    readonly string model;
    readonly InferenceOptions options;
    readonly TimeProvider time;
    readonly ILogger logger;
    readonly Channel<PendingRequest> queue;
    readonly KeyValuePair<string, object?> modelTag;
    // Cancelled when a stop stops being graceful; running batches pass its token to OnnxSession.Run.
    readonly CancellationTokenSource abort = new();
    Task[] runners = [];

    /// <summary>Creates the batcher and starts its runners.</summary>
    public InferenceBatcher(ModelRegistry registry, string model, InferenceOptions options, TimeProvider? time = null, ILogger<InferenceBatcher>? logger = null)
        : this(registry, model, options, time, logger, start: true)
    {
    }

    internal InferenceBatcher(ModelRegistry registry, string model, InferenceOptions options, TimeProvider? time, ILogger? logger, bool start)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.registry = registry;
        this.model = model;
        this.options = options;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        modelTag = new("model", model);
        queue = Channel.CreateBounded<PendingRequest>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = options.RunnersPerModel == 1,
        });
        if (start)
            Start();
    }

    /// <summary>The model this batcher serves.</summary>
    public string Model => model;

    /// <summary>Raised after each model run with the number of requests it served (for diagnostics and tests).</summary>
    internal event Action<int>? BatchRan;

    /// <summary>Raised on the runner's thread just before a model run starts, with its number of requests (for tests).</summary>
    internal event Action<int>? BatchStarting;

    /// <summary>Queues one example and completes when its batch has run.</summary>
    /// <exception cref="ModelNotFoundException">The model is not published when the batch runs.</exception>
    /// <exception cref="ArgumentException">The request does not fit the model's inputs.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected this request.</exception>
    /// <exception cref="ObjectDisposedException">The batcher is shutting down.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled, or a stop terminated the request's batch.</exception>
    public Task<InferenceResult> InferAsync(InferenceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Inputs is null || request.Inputs.Count == 0)
            throw new ArgumentException("The request has no inputs.", nameof(request));
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingRequest(request, cancellationToken);
        return queue.Writer.TryWrite(pending) ? pending.Task : EnqueueSlowly(pending, cancellationToken);
    }

    /// <summary>
    /// Stops taking requests and runs everything already queued. When <paramref name="cancellationToken"/> is cancelled
    /// (e.g. the host's shutdown timeout), the batches still running are terminated inside ONNX Runtime and every request
    /// not yet finished completes as cancelled. Completes when the runners have stopped.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        using (cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), abort))
            await Task.WhenAll(runners).ConfigureAwait(false);
    }

    /// <summary>Stops taking requests, runs everything already queued, then stops the runners.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    internal void Start()
    {
        if (runners.Length > 0)
            return;
        runners = Enumerable.Range(0, options.RunnersPerModel).Select(_ => Task.Run(RunLoop)).ToArray();
    }

    async Task<InferenceResult> EnqueueSlowly(PendingRequest pending, CancellationToken cancellationToken)
    {
        try
        {
            await queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(InferenceBatcher), $"The batcher for model '{model}' is shut down.");
        }
        return await pending.Task.ConfigureAwait(false);
    }

    async Task RunLoop()
    {
        // One set of run options per runner, reused batch after batch (a native allocation per batch otherwise); a stop
        // that stops being graceful sets their Terminate flag.
        using var terminable = new TerminableRun(abort.Token);
        var reader = queue.Reader;
        var batch = new List<PendingRequest>(options.MaxBatchSize);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            TakeAvailable(reader, batch);
            if (batch.Count > 0 && batch.Count < options.MaxBatchSize && options.MaxBatchWait > TimeSpan.Zero)
                await WaitForMore(reader, batch).ConfigureAwait(false);
            if (batch.Count == 0)
                continue;
            if (abort.IsCancellationRequested)
            {
                foreach (var pending in batch)
                    Cancel(pending);
                continue;
            }
            try
            {
                Execute(batch, terminable);
            }
            catch (Exception ex)
            {
                // Execute completes every caller itself; this only guards the loop against a bug there.
                LogRunnerFault(logger, ex, model);
                foreach (var pending in batch)
                    pending.Fail(ex);
            }
        }
    }

    void TakeAvailable(ChannelReader<PendingRequest> reader, List<PendingRequest> batch)
    {
        while (batch.Count < options.MaxBatchSize && reader.TryRead(out var pending))
            if (!pending.IsDone)
                batch.Add(pending);
    }

    async Task WaitForMore(ChannelReader<PendingRequest> reader, List<PendingRequest> batch)
    {
        using var deadline = new CancellationTokenSource(options.MaxBatchWait, time);
        try
        {
            while (batch.Count < options.MaxBatchSize && await reader.WaitToReadAsync(deadline.Token).ConfigureAwait(false))
                TakeAvailable(reader, batch);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // The wait is over; take whatever arrived meanwhile and run.
            TakeAvailable(reader, batch);
        }
    }

    void Execute(List<PendingRequest> batch, TerminableRun terminable)
    {
        if (!registry.TryAcquire(model, out var lease))
        {
            var missing = new ModelNotFoundException(model, registry.Models.Select(m => m.Name));
            foreach (var pending in batch)
                Finish(pending, missing);
            return;
        }
        using (lease)
        {
            var view = new ModelLeaseView(model, lease.Info.Version, lease.Session);
            var limit = BatchAssembler.MaxBatchOf(lease.Session);
            var groups = new Dictionary<string, List<PendingRequest>>(StringComparer.Ordinal);
            foreach (var pending in batch)
            {
                if (BatchAssembler.Validate(pending, lease.Session, model) is { } invalid)
                {
                    Finish(pending, invalid);
                    continue;
                }
                if (!groups.TryGetValue(pending.Signature, out var group))
                    groups[pending.Signature] = group = [];
                group.Add(pending);
            }
            foreach (var group in groups.Values)
                for (var start = 0; start < group.Count; start += limit)
                    RunGroup(group.GetRange(start, Math.Min(limit, group.Count - start)), view, terminable);
        }
    }

    void RunGroup(List<PendingRequest> group, ModelLeaseView lease, TerminableRun terminable)
    {
        InferenceResult[] results;
        BatchStarting?.Invoke(group.Count);
        var started = time.GetTimestamp();
        // Tags given at start, so samplers and listeners see which model a batch is for as it begins; built only when
        // someone listens, as the tag list is an allocation per batch.
        using (var activity = InferenceTelemetry.ActivitySource.HasListeners()
            ? InferenceTelemetry.ActivitySource.StartActivity("inference.batch", ActivityKind.Internal, default(ActivityContext),
                [new("inference.model", lease.Model), new("inference.model_version", lease.Version), new("inference.batch_size", group.Count)])
            : null)
        {
            try
            {
                results = BatchAssembler.Run(group, lease, terminable);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                // A stop terminated the run: the whole batch is cancelled, nobody is at fault, nothing is retried.
                activity?.SetStatus(ActivityStatusCode.Error, "cancelled by shutdown");
                LogBatchTerminated(logger, lease.Model, group.Count);
                foreach (var pending in group)
                    Cancel(pending);
                return;
            }
            catch (Exception ex) when (group.Count > 1)
            {
                // One bad request (e.g. an id out of range) must not fail its neighbours: run each alone.
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                LogBatchRetriedAlone(logger, lease.Model, group.Count, ex.Message);
                foreach (var pending in group)
                    RunGroup([pending], lease, terminable);
                return;
            }
            catch (Exception ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                Finish(group[0], ex);
                return;
            }
        }
        InferenceTelemetry.BatchSize.Record(group.Count, modelTag);
        InferenceTelemetry.RunDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, modelTag);
        BatchRan?.Invoke(group.Count);
        for (var k = 0; k < group.Count; k++)
        {
            group[k].Complete(results[k]);
            InferenceTelemetry.Requests.Add(1, modelTag, new("outcome", "ok"));
        }
    }

    void Finish(PendingRequest pending, Exception error)
    {
        pending.Fail(error);
        InferenceTelemetry.Requests.Add(1, modelTag, new("outcome", "error"));
    }

    void Cancel(PendingRequest pending)
    {
        pending.Cancel(abort.Token);
        InferenceTelemetry.Requests.Add(1, modelTag, new("outcome", "cancelled"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {BatchSize} requests for model {ModelName} was terminated because the batcher is stopping")]
    static partial void LogBatchTerminated(ILogger logger, string modelName, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {BatchSize} requests for model {ModelName} failed ({Reason}); running them one by one")]
    static partial void LogBatchRetriedAlone(ILogger logger, string modelName, int batchSize, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The inference runner for model {ModelName} failed")]
    static partial void LogRunnerFault(ILogger logger, Exception exception, string modelName);
}
