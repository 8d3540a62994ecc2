namespace CommerceBrain.Actors.Runtime;

/// <summary>
/// A grain call that did not complete synchronously: it owns the caller's promise and the timeout.
/// Continuations run asynchronously so the caller never resumes inside the callee's turn.
/// </summary>
internal abstract class CallRequest(GrainMethod method, object?[] args, RequestKind kind, GrainId target, GrainTypeInfo? type)
    : GrainRequest(kind)
{
    private CallTimeoutMonitor? _monitor;

    public GrainMethod Method { get; } = method;

    public object?[] Args { get; } = args;

    public GrainId Target { get; } = target;

    /// <summary>The grain class; null for observer calls.</summary>
    public GrainTypeInfo? TargetType { get; } = type;

    public abstract Task ResponseTask { get; }

    public override bool IsAbandoned => ResponseTask.IsCompleted;

    public override bool IsForwardable => TargetType is not null;

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> after which the caller gets a timeout.</summary>
    public long Deadline { get; private set; }

    public void StartTimeout(CallTimeoutMonitor monitor)
    {
        var time = monitor.Time;
        Deadline = time.GetTimestamp() + (long)(monitor.Timeout.TotalSeconds * time.TimestampFrequency);
        _monitor = monitor;
        monitor.Track(this);

        // The call may have completed while it was being tracked.
        if (ResponseTask.IsCompleted)
        {
            monitor.Untrack(this);
        }
    }

    public void TimeOut() => SetException(new GrainCallTimeoutException(Target, Method.DisplayName, _monitor!.Timeout));

    public override Task Start(Activation activation) => activation.Runtime.InvokeGrain(activation, Method, Args);

    public override void Complete(Task task)
    {
        SetFrom(task);
        _monitor?.Untrack(this);
    }

    public override void Fail(Exception exception)
    {
        SetException(exception);
        _monitor?.Untrack(this);
    }

    protected abstract void SetFrom(Task completed);

    protected abstract void SetException(Exception exception);

}

internal sealed class CallRequest<T>(GrainMethod method, object?[] args, RequestKind kind, GrainId target, GrainTypeInfo? type)
    : CallRequest(method, args, kind, target, type)
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task ResponseTask => _promise.Task;

    protected override void SetFrom(Task completed)
    {
        if (completed.IsFaulted)
        {
            _promise.TrySetException(completed.Exception!.InnerExceptions);
        }
        else if (completed.IsCanceled)
        {
            _promise.TrySetCanceled();
        }
        else
        {
            _promise.TrySetResult(completed is Task<T> typed ? typed.Result : default!);
        }
    }

    protected override void SetException(Exception exception) => _promise.TrySetException(exception);
}
