using System.Reflection;
using CommerceBrain.Actors.Runtime;

namespace CommerceBrain.Actors.Timers;

/// <summary>
/// A timer owned by one activation. It is one-shot and re-armed only after a tick's Task completes, so ticks never
/// overlap and the period counts from the end of the previous tick.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly Activation _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly bool _interleave;
    private readonly bool _keepAlive;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private bool _tickRunning;
    private bool _disposed;

    public GrainTimer(
        Activation activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options, MethodInfo callbackMethod)
    {
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _callback = callback;
        _state = state;
        CallbackMethod = callbackMethod;
        _interleave = options.Interleave;
        _keepAlive = options.KeepAlive;
        _dueTime = options.DueTime;
        _period = options.Period;
    }

    public void Start()
    {
        lock (_lock)
        {
            _timer = _activation.Runtime.Time.CreateTimer(static s => ((GrainTimer)s!).OnDue(), this, _dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _dueTime = dueTime;
            _period = period;

            // A running tick re-arms the timer when it completes; arming now could overlap it.
            if (!_tickRunning)
            {
                _timer?.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
        }

        _cancellation.Cancel();
        _activation.RemoveTimer(this);
    }

    internal bool IsDisposed => Volatile.Read(ref _disposed);

    internal bool KeepAlive => _keepAlive;

    /// <summary>The method of the callback the grain registered, shown to filters as the tick's implementation.</summary>
    internal MethodInfo CallbackMethod { get; }

    internal object? State => _state;

    internal CancellationToken CancellationToken => _cancellation.Token;

    internal Task RunTick()
    {
        if (_keepAlive)
        {
            _activation.Touch();
        }

        return _activation.Runtime.InvokeTimerTick(_activation, this);
    }

    /// <summary>Calls the grain's callback; the end of the filter chain, or the whole tick without filters.</summary>
    internal Task InvokeCallback(object? state, CancellationToken cancellationToken) => _callback(state, cancellationToken);

    internal void OnTickCompleted(Task tick)
    {
        if (tick.IsFaulted)
        {
            ActorsLog.TimerTickFailed(_activation.Runtime.Logger, _activation.GrainId.ToString(), tick.Exception!.GetBaseException());
        }

        lock (_lock)
        {
            _tickRunning = false;
            if (_disposed)
            {
                return;
            }

            if (_period != Timeout.InfiniteTimeSpan)
            {
                _timer?.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnDue()
    {
        lock (_lock)
        {
            if (_disposed || _tickRunning)
            {
                return;
            }

            _tickRunning = true;
        }

        if (_interleave)
        {
            _activation.EnqueueWork(static s => ((GrainTimer)s!).RunInterleavedTick(), this);
        }
        else if (!_activation.TrySubmit(new TimerTickRequest(this)))
        {
            OnTickCompleted(Task.CompletedTask);
        }
    }

    private void RunInterleavedTick()
    {
        Task tick;
        try
        {
            tick = IsDisposed ? Task.CompletedTask : RunTick();
        }
        catch (Exception e)
        {
            tick = Task.FromException(e);
        }

        tick.ContinueWith(static (t, s) => ((GrainTimer)s!).OnTickCompleted(t), this, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time must be zero or positive.");
        }

        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive or infinite.");
        }
    }
}

/// <summary>A timer tick that takes a turn like a grain call.</summary>
internal sealed class TimerTickRequest(GrainTimer timer) : GrainRequest(RequestKind.Exclusive)
{
    public override bool IsAbandoned => timer.IsDisposed;

    public override bool CountsAsActivity => timer.KeepAlive;

    public override Task Start(Activation activation) => timer.RunTick();

    public override void Complete(Task task) => timer.OnTickCompleted(task);

    public override void Fail(Exception exception) => timer.OnTickCompleted(Task.CompletedTask);
}
