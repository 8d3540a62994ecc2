namespace CommerceBrain.Actors.Runtime;

/// <summary>
/// A grain call that did not complete synchronously: it owns the caller's promise and the timeout.
/// Continuations run asynchronously so the caller never resumes inside the callee's turn.
/// </summary>
internal abstract class CallRequest(GrainMethod method, object?[] args, RequestKind kind, GrainId target, GrainTypeInfo? type)
    : GrainRequest(kind)
{
    private ITimer? _timeout;
    private TimeSpan _timeoutValue;

    public GrainMethod Method { get; } = method;

    public object?[] Args { get; } = args;

    public GrainId Target { get; } = target;

    /// <summary>The grain class; null for observer calls.</summary>
    public GrainTypeInfo? TargetType { get; } = type;

    public abstract Task ResponseTask { get; }

    public override bool IsAbandoned => ResponseTask.IsCompleted;

    public override bool IsForwardable => TargetType is not null;

    public void StartTimeout(TimeProvider time, TimeSpan timeout)
    {
        _timeoutValue = timeout;
        var timer = time.CreateTimer(static s => ((CallRequest)s!).OnTimeout(), this, timeout, Timeout.InfiniteTimeSpan);
        _timeout = timer;

        // The call may have completed while the timer was being created.
        if (ResponseTask.IsCompleted)
        {
            timer.Dispose();
        }
    }

    public override Task Start(Activation activation) => activation.Runtime.InvokeGrain(activation, Method, Args);

    public override void Complete(Task task)
    {
        _timeout?.Dispose();
        SetFrom(task);
    }

    public override void Fail(Exception exception)
    {
        _timeout?.Dispose();
        SetException(exception);
    }

    protected abstract void SetFrom(Task completed);

    protected abstract void SetException(Exception exception);

    private void OnTimeout() => SetException(new GrainCallTimeoutException(Target, Method.DisplayName, _timeoutValue));
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
