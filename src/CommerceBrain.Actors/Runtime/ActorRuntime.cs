using System.Collections.Concurrent;
using System.Diagnostics;
using CommerceBrain.Actors.Filters;
using CommerceBrain.Actors.Persistence;
using CommerceBrain.Actors.Placement;
using CommerceBrain.Actors.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Actors.Runtime;

/// <summary>
/// The in-process silo: the activation directory, call dispatch, the idle collector, reminders and shutdown.
/// Registered as a singleton and as an <see cref="IHostedService"/>.
/// </summary>
internal sealed class ActorRuntime : IHostedService, IAsyncDisposable, IDisposable, IActorRuntimeDiagnostics
{
    private readonly ConcurrentDictionary<GrainId, object> _directory = new();
    private readonly IIncomingGrainCallFilter[] _filters;
    private readonly IPlacementDirector _placement;
    private readonly ActivationCollector _collector;
    private int _activationCount;
    private volatile bool _stopping;
    private bool _started;

    public ActorRuntime(
        IServiceProvider services,
        IOptions<ActorsOptions> options,
        IOptions<GrainStateSerializerOptions> stateSerializer,
        TimeProvider time,
        IEnumerable<GrainRegistration> registrations,
        IEnumerable<IIncomingGrainCallFilter> filters,
        IPlacementDirector placement,
        ILoggerFactory loggerFactory)
    {
        Options = options.Value;
        Options.Validate();
        Services = services;
        Time = time;
        StateSerializerOptions = stateSerializer.Value.SerializerOptions;
        Registry = new GrainTypeRegistry(registrations);
        _filters = [.. filters];
        _placement = placement;
        Logger = loggerFactory.CreateLogger("CommerceBrain.Actors");
        GrainFactory = new GrainFactory(this);
        Reminders = new ReminderService(this, services.GetService<IReminderTable>());
        _collector = new ActivationCollector(this);
        Timeouts = new CallTimeoutMonitor(time, Options.CallTimeout);
    }

    public ActorsOptions Options { get; }

    public IServiceProvider Services { get; }

    public TimeProvider Time { get; }

    public System.Text.Json.JsonSerializerOptions StateSerializerOptions { get; }

    public GrainTypeRegistry Registry { get; }

    public ILogger Logger { get; }

    public GrainFactory GrainFactory { get; }

    public ReminderService Reminders { get; }

    public CallTimeoutMonitor Timeouts { get; }

    /// <summary>Live activations (stateless workers counted one by one).</summary>
    public int ActivationCount => Volatile.Read(ref _activationCount);

    public bool IsStopping => _stopping;

    public int PendingCallCount => Timeouts.PendingCount;

    public IReadOnlyDictionary<string, int> ActivationsByType() =>
        Activations().GroupBy(a => a.GrainId.Type).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _started = true;
        _collector.Start();
        await Reminders.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Graceful shutdown: stops reminders and collection, then deactivates every activation (OnDeactivateAsync runs).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        Reminders.Stop();
        _collector.Dispose();
        var activations = Activations().ToList();
        ActorsLog.ShuttingDown(Logger, activations.Count);
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The runtime is stopping.");
        await Task.WhenAll(activations.Select(a => a.RequestDeactivation(reason))).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started && !_stopping)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _collector.Dispose();
        Reminders.Stop();
        Timeouts.Dispose();
    }

    /// <summary>Synchronous disposal (a container disposed without await): stops timers; grains are not deactivated.</summary>
    public void Dispose()
    {
        _stopping = true;
        _collector.Dispose();
        Reminders.Stop();
        Timeouts.Dispose();
    }

    /// <summary>Every live activation, including stateless workers.</summary>
    public IEnumerable<Activation> Activations()
    {
        foreach (var entry in _directory.Values)
        {
            if (entry is Activation activation)
            {
                yield return activation;
            }
            else
            {
                foreach (var worker in ((StatelessWorkerGroup)entry).Workers)
                {
                    yield return worker;
                }
            }
        }
    }

    public Task Invoke(GrainReference reference, GrainMethod method, object?[] args) =>
        ActorsTelemetry.CallsObserved ? InvokeObserved(reference, method, args) : InvokeCore(reference, method, args);

    /// <summary>Runs a grain method on an activation, through the call filters when there are any.</summary>
    public Task InvokeGrain(Activation activation, GrainMethod method, object?[] args)
    {
        var target = activation.Target;
        if (activation.IsObserver || (_filters.Length == 0 && !activation.Type!.IsCallFilter))
        {
            return method.Invoker(target, args);
        }

        return method.Adapter.RunFilters(new IncomingGrainCallContext(activation, target, method, args, _filters));
    }

    /// <summary>Runs a timer tick on an activation, through the call filters when there are any.</summary>
    public Task InvokeTimerTick(Activation activation, Timers.GrainTimer timer)
    {
        if (activation.Type is null || (_filters.Length == 0 && !activation.Type.IsCallFilter))
        {
            return timer.InvokeCallback(timer.State, timer.CancellationToken);
        }

        return new TimerTickCallContext(activation.Target, activation.GrainId, timer, _filters).Invoke();
    }

    /// <summary>Sends a request again after its activation went away, to the grain's current (or a new) activation.</summary>
    public void Redispatch(CallRequest request)
    {
        if (request.TargetType is null)
        {
            request.Fail(new ObjectDisposedException(request.Target.ToString(), "The observer reference was deleted."));
            return;
        }

        try
        {
            // An activation leaves the directory before it turns invalid, so a retry finds a live or new one at once;
            // the bound only guards against a broken invariant turning into a busy loop.
            var spin = new SpinWait();
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var activation = request.TargetType.IsStatelessWorker
                    ? GetWorkerGroup(request.Target, request.TargetType).Select()
                    : GetOrCreateActivation(request.Target, request.TargetType);
                if (activation.TrySubmit(request))
                {
                    return;
                }

                spin.SpinOnce();
            }

            request.Fail(new InvalidOperationException($"Grain '{request.Target}' kept resolving to deactivated activations; the call was not delivered."));
        }
        catch (Exception e)
        {
            request.Fail(e);
        }
    }

    public Activation GetOrCreateActivation(GrainId grainId, GrainTypeInfo type)
    {
        while (true)
        {
            if (_directory.TryGetValue(grainId, out var existing))
            {
                return (Activation)existing;
            }

            EnsureRunning(grainId);
            Place(grainId, type);
            var activation = new Activation(this, grainId, type);
            if (_directory.TryAdd(grainId, activation))
            {
                OnActivationCreated();
                activation.BeginActivation();
                return activation;
            }
        }
    }

    public Activation CreateWorker(StatelessWorkerGroup group)
    {
        EnsureRunning(group.GrainId);
        Place(group.GrainId, group.Type);
        var activation = new Activation(this, group.GrainId, group.Type, group);
        OnActivationCreated();
        return activation;
    }

    public void RemoveActivation(Activation activation)
    {
        if (activation.Group is { } group)
        {
            group.Remove(activation);
        }
        else if (!_directory.TryRemove(new KeyValuePair<GrainId, object>(activation.GrainId, activation)))
        {
            return;
        }

        Interlocked.Decrement(ref _activationCount);
    }

    private Task InvokeCore(GrainReference reference, GrainMethod method, object?[] args)
    {
        if (reference.Observer is { } observer)
        {
            return observer.Invoke(method, args);
        }

        var type = reference.Type!;
        if (type.IsStatelessWorker)
        {
            var group = reference.CachedWorkers ??= GetWorkerGroup(reference.GrainId, type);
            return group.Select().Invoke(method, args);
        }

        var activation = reference.CachedActivation;
        if (activation is null || activation.IsInvalid)
        {
            reference.CachedActivation = activation = GetOrCreateActivation(reference.GrainId, type);
        }

        return activation.Invoke(method, args);
    }

    private Task InvokeObserved(GrainReference reference, GrainMethod method, object?[] args)
    {
        var parent = Activity.Current;
        var activity = ActorsTelemetry.ActivitySource.StartActivity(method.DisplayName, ActivityKind.Internal);
        activity?.SetTag("grain.id", reference.GrainId.ToString());
        var started = Stopwatch.GetTimestamp();
        Task task;
        try
        {
            task = InvokeCore(reference, method, args);
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }
        finally
        {
            // The span belongs to the call, not to the caller's code that runs after it returns.
            Activity.Current = parent;
        }

        if (task.IsCompleted)
        {
            RecordCall(task, reference, method, started, activity);
        }
        else
        {
            task.ContinueWith(
                t => RecordCall(t, reference, method, started, activity),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return task;
    }

    private static void RecordCall(Task task, GrainReference reference, GrainMethod method, long started, Activity? activity)
    {
        var grainType = new KeyValuePair<string, object?>("grain.type", reference.GrainId.Type);
        var methodName = new KeyValuePair<string, object?>("grain.method", method.DisplayName);
        var outcome = new KeyValuePair<string, object?>("outcome", task.IsCompletedSuccessfully ? "ok" : "error");
        ActorsTelemetry.Calls.Add(1, grainType, methodName, outcome);
        ActorsTelemetry.CallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, grainType, methodName, outcome);
        if (activity is not null)
        {
            if (!task.IsCompletedSuccessfully)
            {
                activity.SetStatus(ActivityStatusCode.Error, task.Exception?.GetBaseException().Message ?? "canceled");
            }

            activity.Dispose();
        }
    }

    private StatelessWorkerGroup GetWorkerGroup(GrainId grainId, GrainTypeInfo type) =>
        (StatelessWorkerGroup)_directory.GetOrAdd(grainId, static (id, state) => new StatelessWorkerGroup(state.Runtime, id, state.Type), (Runtime: this, Type: type));

    private void OnActivationCreated()
    {
        if (Interlocked.Increment(ref _activationCount) > Options.MaxActivations)
        {
            _collector.RequestEviction();
        }
    }

    private void EnsureRunning(GrainId grainId)
    {
        if (_stopping)
        {
            throw new InvalidOperationException($"The actor runtime is stopping; grain '{grainId}' cannot be activated.");
        }
    }

    private void Place(GrainId grainId, GrainTypeInfo type)
    {
        var decision = _placement.Place(grainId, type.ImplementationType);
        if (!decision.IsLocal)
        {
            throw new InvalidOperationException(
                $"Grain '{grainId}' was placed on silo '{decision.SiloAddress}', but this runtime has no transport to other silos.");
        }
    }
}
