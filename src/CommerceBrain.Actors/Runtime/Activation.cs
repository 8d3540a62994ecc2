using System.Reflection;
using CommerceBrain.Actors.Persistence;
using CommerceBrain.Actors.Timers;

namespace CommerceBrain.Actors.Runtime;

/// <summary>
/// One live instance of a grain (or an observer) with its serial work queue.
/// </summary>
/// <remarks>
/// Two layers, as in Orleans' WorkItemGroup plus ActivationData:
/// <list type="bullet">
/// <item>The work queue runs one item at a time: it is drained by this object as an <see cref="IThreadPoolWorkItem"/>, or
/// bypassed by a caller that finds the activation idle and runs the request inline (the fast path). Continuations of
/// grain code come back here through <see cref="ActivationSynchronizationContext"/>.</item>
/// <item>Admission decides when a request may start: a non-reentrant request only when nothing else runs (across its awaits),
/// read-only requests alongside each other, interleaving requests any time. Others wait in FIFO order.</item>
/// </list>
/// </remarks>
internal sealed class Activation : IThreadPoolWorkItem
{
    [ThreadStatic]
    private static Activation? t_constructing;

    [ThreadStatic]
    private static Activation? t_current;

    /// <summary>Inline calls nested on this thread (A calls B calls C… all inline); deeper chains are queued to bound the stack.</summary>
    [ThreadStatic]
    private static int t_inlineDepth;

    private const int MaxInlineDepth = 32;

    private static long s_nextId;

    private readonly Lock _lock = new();
    private readonly Queue<WorkItem> _work = new();
    private readonly ActivationSynchronizationContext _context;
    private readonly bool _reentrant;
    private readonly WeakReference<object>? _observer;
    private Queue<GrainRequest>? _waiting;
    private bool _workClaimed;
    private int _exclusive;
    private int _readOnly;
    private int _interleaved;
    private volatile ActivationState _state;
    private bool _deactivationRequested;
    private DeactivationReason _deactivationReason;
    private TaskCompletionSource? _deactivated;
    private object? _target;
    private List<IStateLoader>? _stateLoaders;
    private List<GrainTimer>? _timers;
    private long _lastActivity;
    private long _keepAliveUntilUtcTicks;

    public Activation(ActorRuntime runtime, GrainId grainId, GrainTypeInfo type, StatelessWorkerGroup? group = null)
    {
        Runtime = runtime;
        GrainId = grainId;
        Type = type;
        Group = group;
        _reentrant = type.IsReentrant;
        _context = new ActivationSynchronizationContext(this);
        _state = ActivationState.Activating;
        _lastActivity = runtime.Time.GetTimestamp();
        Id = Interlocked.Increment(ref s_nextId);
    }

    private Activation(ActorRuntime runtime, GrainId grainId, object observer)
    {
        Runtime = runtime;
        GrainId = grainId;
        _observer = new WeakReference<object>(observer);
        _context = new ActivationSynchronizationContext(this);
        _state = ActivationState.Valid;
        Id = Interlocked.Increment(ref s_nextId);
    }

    /// <summary>The activation whose grain constructor is running on this thread.</summary>
    internal static Activation? Constructing => t_constructing;

    /// <summary>The activation running on this thread, if any.</summary>
    internal static Activation? Current => t_current;

    public ActorRuntime Runtime { get; }

    public GrainId GrainId { get; }

    /// <summary>The grain class; null for an observer.</summary>
    public GrainTypeInfo? Type { get; }

    public StatelessWorkerGroup? Group { get; }

    /// <summary>A process-wide sequence number, distinct per activation (diagnostics and tests).</summary>
    public long Id { get; }

    public bool IsObserver => _observer is not null;

    public ActivationState State => _state;

    public bool IsInvalid => _state == ActivationState.Invalid;

    /// <summary>The grain instance (or the observer object, which may have been collected).</summary>
    public object Target
    {
        get
        {
            if (_observer is null)
            {
                return _target ?? throw new InvalidOperationException($"Grain '{GrainId}' is not activated.");
            }

            return _observer.TryGetTarget(out var target) ? target
                : throw new ObjectDisposedException(GrainId.ToString(), "The observer object was garbage collected; keep a strong reference to it while subscribed.");
        }
    }

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the last incoming call or reminder.</summary>
    public long LastActivity => Volatile.Read(ref _lastActivity);

    /// <summary>True when no request runs or waits and nothing executes: a candidate for collection or eviction.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return IsIdleLocked();
            }
        }
    }

    public static Activation ForObserver(ActorRuntime runtime, object observer) =>
        new(runtime, new GrainId("observer", Guid.NewGuid().ToString("N")), observer);

    public bool IsKeptAlive(DateTimeOffset utcNow) => Volatile.Read(ref _keepAliveUntilUtcTicks) > utcNow.UtcTicks;

    /// <summary>Invokes a grain method for a caller: inline when the activation is idle, otherwise queued.</summary>
    public Task Invoke(GrainMethod method, object?[] args)
    {
        var kind = _reentrant ? RequestKind.Interleave : method.Kind;
        bool inline;
        lock (_lock)
        {
            inline = !_workClaimed && t_inlineDepth < MaxInlineDepth && CanStartLocked(kind);
            if (inline)
            {
                _workClaimed = true;
                Admit(kind);
            }
        }

        if (!inline)
        {
            var queued = method.Adapter.CreateRequest(method, args, kind, GrainId, Type);
            queued.CallerContext = ExecutionContext.Capture();
            queued.StartTimeout(Runtime.Timeouts);
            if (!TrySubmit(queued))
            {
                Runtime.Redispatch(queued);
            }

            return queued.ResponseTask;
        }

        if (!IsObserver)
        {
            Volatile.Write(ref _lastActivity, Runtime.Time.GetTimestamp());
        }

        Task task;
        var previousContext = SynchronizationContext.Current;
        var previousActivation = t_current;
        SynchronizationContext.SetSynchronizationContext(_context);
        t_current = this;
        t_inlineDepth++;
        try
        {
            task = Runtime.InvokeGrain(this, method, args);
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }
        finally
        {
            t_inlineDepth--;
            t_current = previousActivation;
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }

        if (task.IsCompleted)
        {
            ReleaseInline(kind, requestDone: true);
            return task;
        }

        var request = method.Adapter.CreateRequest(method, args, kind, GrainId, Type);
        request.Owner = this;
        request.StartTimeout(Runtime.Timeouts);
        ReleaseInline(kind, requestDone: false);
        TrackCompletion(request, task);
        return request.ResponseTask;
    }

    /// <summary>Queues a request; false when this activation is gone and the caller must look the grain up again.</summary>
    public bool TrySubmit(GrainRequest request)
    {
        if (_reentrant)
        {
            request.Kind = RequestKind.Interleave;
        }

        bool schedule;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return false;
            }

            if (CanStartLocked(request.Kind))
            {
                Admit(request.Kind);
                _work.Enqueue(new WorkItem(null, request));
            }
            else
            {
                (_waiting ??= new Queue<GrainRequest>()).Enqueue(request);
            }

            schedule = ClaimLocked();
        }

        if (schedule)
        {
            Schedule();
        }

        return true;
    }

    /// <summary>Queues a callback (a continuation of grain code, a timer tick) to run as a turn.</summary>
    public void EnqueueWork(SendOrPostCallback callback, object? state)
    {
        bool schedule;
        lock (_lock)
        {
            _work.Enqueue(new WorkItem(callback, state));
            schedule = ClaimLocked();
        }

        if (schedule)
        {
            Schedule();
        }
    }

    /// <summary>Starts activation: the first turn constructs the grain, loads state and runs OnActivateAsync.</summary>
    public void BeginActivation() => EnqueueWork(static s => ((Activation)s!).RunActivation(), this);

    /// <summary>Deactivates after the running requests complete; waiting and later requests go to a new activation.</summary>
    public Task RequestDeactivation(DeactivationReason reason)
    {
        bool schedule;
        Task completion;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return Task.CompletedTask;
            }

            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            completion = _deactivated.Task;
            if (!_deactivationRequested)
            {
                _deactivationRequested = true;
                _deactivationReason = reason;
            }

            PumpLocked();
            schedule = ClaimLocked();
        }

        if (schedule)
        {
            Schedule();
        }

        return completion;
    }

    /// <summary>Deactivates only if nothing runs or waits right now (idle collection and eviction).</summary>
    public bool TryDeactivateIdle(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (!IsIdleLocked() || _state != ActivationState.Valid || _deactivationRequested)
            {
                return false;
            }
        }

        _ = RequestDeactivation(reason);
        return true;
    }

    public bool IsDeactivationRequested
    {
        get
        {
            lock (_lock)
            {
                return _deactivationRequested || _state is ActivationState.Deactivating or ActivationState.Invalid;
            }
        }
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = timeSpan < TimeSpan.Zero ? 0 : Runtime.Time.GetUtcNow().UtcTicks + timeSpan.Ticks;
        Volatile.Write(ref _keepAliveUntilUtcTicks, until);
    }

    public void Touch() => Volatile.Write(ref _lastActivity, Runtime.Time.GetTimestamp());

    public void AddStateLoader(IStateLoader loader) => (_stateLoaders ??= []).Add(loader);

    public IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options, MethodInfo callbackMethod)
    {
        var timer = new GrainTimer(this, callback, state, options, callbackMethod);
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                throw new InvalidOperationException($"Grain '{GrainId}' is deactivating; it cannot register timers.");
            }

            (_timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    /// <summary>Makes an observer reference unusable: later calls fail.</summary>
    public void Invalidate()
    {
        List<GrainRequest>? waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = DrainWaitingLocked();
        }

        FailAll(waiting, new ObjectDisposedException(GrainId.ToString(), "The observer reference was deleted."));
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previousContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_context);
        t_current = this;
        try
        {
            // Run a bounded batch, then go to the back of the thread pool queue so one busy grain cannot starve others.
            for (var executed = 0; ; executed++)
            {
                WorkItem item;
                lock (_lock)
                {
                    if (!_work.TryDequeue(out item))
                    {
                        _workClaimed = false;
                        return;
                    }
                }

                RunWorkItem(item);

                if (executed == 63)
                {
                    lock (_lock)
                    {
                        if (_work.Count == 0)
                        {
                            _workClaimed = false;
                            return;
                        }
                    }

                    Schedule();
                    return;
                }
            }
        }
        finally
        {
            t_current = null;
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }
    }

    public override string ToString() => $"{GrainId}#{Id}";

    private void RunWorkItem(WorkItem item)
    {
        try
        {
            if (item.Callback is { } callback)
            {
                callback(item.State);
            }
            else
            {
                StartRequest((GrainRequest)item.State!);
            }
        }
        catch (Exception e)
        {
            ActorsLog.WorkItemFailed(Runtime.Logger, GrainId.ToString(), e);
        }
    }

    private void StartRequest(GrainRequest request)
    {
        if (request.IsAbandoned)
        {
            FinishRequest(request.Kind);
            return;
        }

        request.Owner = this;
        if (request.CountsAsActivity && !IsObserver)
        {
            Volatile.Write(ref _lastActivity, Runtime.Time.GetTimestamp());
        }

        Task task;
        if (request.CallerContext is { } callerContext)
        {
            request.CallerContext = null;
            var start = new RequestStart(this, request);
            ExecutionContext.Run(callerContext, static s => ((RequestStart)s!).Run(), start);
            task = start.Task!;
        }
        else
        {
            task = StartSafely(request);
        }

        if (task.IsCompleted)
        {
            request.Complete(task);
            FinishRequest(request.Kind);
        }
        else
        {
            TrackCompletion(request, task);
        }
    }

    private Task StartSafely(GrainRequest request)
    {
        try
        {
            return request.Start(this);
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    private static void TrackCompletion(GrainRequest request, Task task) =>
        task.ContinueWith(
            static (completed, state) =>
            {
                var request = (GrainRequest)state!;
                request.Complete(completed);
                request.Owner!.FinishRequest(request.Kind);
            },
            request,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private void FinishRequest(RequestKind kind)
    {
        bool schedule;
        lock (_lock)
        {
            Release(kind);
            PumpLocked();
            schedule = ClaimLocked();
        }

        if (schedule)
        {
            Schedule();
        }
    }

    private void ReleaseInline(RequestKind kind, bool requestDone)
    {
        bool schedule;
        lock (_lock)
        {
            if (requestDone)
            {
                Release(kind);
                PumpLocked();
            }

            // Still holding the claim: hand it to the thread pool if work arrived meanwhile.
            schedule = _work.Count > 0;
            _workClaimed = schedule;
        }

        if (schedule)
        {
            Schedule();
        }
    }

    private bool CanStartLocked(RequestKind kind)
    {
        if (_state != ActivationState.Valid || _deactivationRequested)
        {
            return false;
        }

        return kind switch
        {
            RequestKind.Interleave => true,
            RequestKind.ReadOnly => _exclusive == 0 && (_waiting is null || _waiting.Count == 0),
            // As in Orleans, a suspended interleaving request (say a long poll) does not block normal requests.
            _ => _exclusive == 0 && _readOnly == 0 && (_waiting is null || _waiting.Count == 0),
        };
    }

    private bool CanAdmitWaitingLocked(RequestKind kind) => kind switch
    {
        RequestKind.Interleave => true,
        RequestKind.ReadOnly => _exclusive == 0,
        _ => _exclusive == 0 && _readOnly == 0,
    };

    private void Admit(RequestKind kind)
    {
        switch (kind)
        {
            case RequestKind.Exclusive: _exclusive++; break;
            case RequestKind.ReadOnly: _readOnly++; break;
            default: _interleaved++; break;
        }
    }

    private void Release(RequestKind kind)
    {
        switch (kind)
        {
            case RequestKind.Exclusive: _exclusive--; break;
            case RequestKind.ReadOnly: _readOnly--; break;
            default: _interleaved--; break;
        }
    }

    private bool IsIdleLocked() =>
        _exclusive == 0 && _readOnly == 0 && _interleaved == 0 && !_workClaimed && (_waiting is null || _waiting.Count == 0);

    /// <summary>Admits waiting requests in order while the rules allow, then starts a requested deactivation once idle.</summary>
    private void PumpLocked()
    {
        if (_state != ActivationState.Valid)
        {
            return;
        }

        while (!_deactivationRequested && _waiting is { Count: > 0 } waiting)
        {
            var next = waiting.Peek();
            if (next.IsAbandoned)
            {
                waiting.Dequeue();
                continue;
            }

            if (!CanAdmitWaitingLocked(next.Kind))
            {
                break;
            }

            waiting.Dequeue();
            Admit(next.Kind);
            _work.Enqueue(new WorkItem(null, next));
        }

        if (_deactivationRequested && _exclusive == 0 && _readOnly == 0 && _interleaved == 0)
        {
            _state = ActivationState.Deactivating;
            _work.Enqueue(new WorkItem(static s => ((Activation)s!).RunDeactivation(), this));
        }
    }

    private bool ClaimLocked()
    {
        if (_workClaimed || _work.Count == 0)
        {
            return false;
        }

        _workClaimed = true;
        return true;
    }

    private void Schedule() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    private void RunActivation() => _ = ActivateAsync();

    private async Task ActivateAsync()
    {
        // A span only while a tracer listens: state loading is where slow activations usually spend their time.
        using var span = ActorsTelemetry.ActivitySource.StartActivity("activate " + GrainId.Type);
        span?.SetTag("grain.id", GrainId.ToString());
        try
        {
            t_constructing = this;
            try
            {
                _target = Type!.CreateInstance(Runtime, this);
            }
            finally
            {
                t_constructing = null;
            }

            using var timeout = new CancellationTokenSource(Runtime.Options.ActivationTimeout, Runtime.Time);
            if (_stateLoaders is { } loaders)
            {
                foreach (var loader in loaders)
                {
                    await loader.LoadAsync(timeout.Token);
                }
            }

            if (_target is Grain grain)
            {
                await grain.OnActivateAsync(timeout.Token);
            }
        }
        catch (Exception e)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.Message);
            FailActivation(e);
            return;
        }

        ActorsTelemetry.Activations.Add(1, new KeyValuePair<string, object?>("grain.type", GrainId.Type));
        bool schedule;
        lock (_lock)
        {
            _state = ActivationState.Valid;
            PumpLocked();
            schedule = ClaimLocked();
        }

        if (schedule)
        {
            Schedule();
        }
    }

    private void FailActivation(Exception exception)
    {
        ActorsLog.ActivationFailed(Runtime.Logger, GrainId.ToString(), exception);
        StopTimers();
        Runtime.RemoveActivation(this);
        List<GrainRequest>? waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = DrainWaitingLocked();
        }

        _deactivated?.TrySetResult();
        FailAll(waiting, exception);
    }

    private void RunDeactivation() => _ = DeactivateAsync();

    private async Task DeactivateAsync()
    {
        using var span = ActorsTelemetry.ActivitySource.StartActivity("deactivate " + GrainId.Type);
        span?.SetTag("grain.id", GrainId.ToString());
        span?.SetTag("reason", _deactivationReason.Code.ToString());
        StopTimers();
        if (_target is Grain grain)
        {
            try
            {
                using var timeout = new CancellationTokenSource(Runtime.Options.DeactivationTimeout, Runtime.Time);
                await grain.OnDeactivateAsync(_deactivationReason, timeout.Token);
            }
            catch (Exception e)
            {
                ActorsLog.DeactivationFailed(Runtime.Logger, GrainId.ToString(), e);
            }
        }

        ActorsTelemetry.Activations.Add(-1, new KeyValuePair<string, object?>("grain.type", GrainId.Type));

        // Leave the directory before turning invalid, so a caller that sees Invalid finds no stale entry.
        Runtime.RemoveActivation(this);
        List<GrainRequest>? waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = DrainWaitingLocked();
        }

        ActorsLog.Deactivated(Runtime.Logger, GrainId.ToString(), _deactivationReason.Code);
        _deactivated?.TrySetResult();
        if (waiting is null)
        {
            return;
        }

        foreach (var request in waiting)
        {
            if (!request.IsAbandoned && request.IsForwardable)
            {
                Runtime.Redispatch((CallRequest)request);
            }
        }
    }

    private void StopTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            if (_timers is null || _timers.Count == 0)
            {
                return;
            }

            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private List<GrainRequest>? DrainWaitingLocked()
    {
        if (_waiting is not { Count: > 0 } queue)
        {
            return null;
        }

        var drained = new List<GrainRequest>(queue);
        queue.Clear();
        return drained;
    }

    private static void FailAll(List<GrainRequest>? requests, Exception exception)
    {
        if (requests is null)
        {
            return;
        }

        foreach (var request in requests)
        {
            request.Fail(exception);
        }
    }

    private readonly record struct WorkItem(SendOrPostCallback? Callback, object? State);

    private sealed class RequestStart(Activation activation, GrainRequest request)
    {
        public Task? Task { get; private set; }

        public void Run() => Task = activation.StartSafely(request);
    }
}
