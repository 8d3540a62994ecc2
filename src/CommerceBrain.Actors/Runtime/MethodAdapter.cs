using CommerceBrain.Actors.Filters;

namespace CommerceBrain.Actors.Runtime;

/// <summary>The result-type-specific parts of a grain call: the caller's promise, proxy return value, filter results.</summary>
internal abstract class MethodAdapter
{
    public abstract CallRequest CreateRequest(GrainMethod method, object?[] args, RequestKind kind, GrainId target, GrainTypeInfo? type);

    /// <summary>Turns the task of a call into what the proxy method returns (boxes a ValueTask where needed).</summary>
    public abstract object ToProxyResult(Task task);

    /// <summary>Reads the result of a completed successful task (null for methods without a result).</summary>
    public abstract object? ReadResult(Task completed);

    /// <summary>Runs the filter chain and produces a task of the method's result type.</summary>
    public abstract Task RunFilters(IncomingGrainCallContext context);
}

internal sealed class MethodAdapter<T>(ReturnShape shape) : MethodAdapter
{
    private static readonly bool IsVoid = typeof(T) == typeof(VoidResult);

    public override CallRequest CreateRequest(GrainMethod method, object?[] args, RequestKind kind, GrainId target, GrainTypeInfo? type) =>
        new CallRequest<T>(method, args, kind, target, type);

    public override object ToProxyResult(Task task) => shape switch
    {
        ReturnShape.ValueTask => new ValueTask(task),
        ReturnShape.ValueTaskOfT => new ValueTask<T>(AsTyped(task)),
        ReturnShape.TaskOfT => AsTyped(task),
        _ => task,
    };

    /// <summary>A grain method that threw synchronously yields a plain faulted Task; callers need a Task of T.</summary>
    private static Task<T> AsTyped(Task task)
    {
        if (task is Task<T> typed)
        {
            return typed;
        }

        var promise = new TaskCompletionSource<T>();
        if (task.IsFaulted)
        {
            promise.SetException(task.Exception!.InnerExceptions);
        }
        else
        {
            promise.SetCanceled();
        }

        return promise.Task;
    }

    public override object? ReadResult(Task completed) => completed is Task<T> typed ? typed.Result : null;

    public override Task RunFilters(IncomingGrainCallContext context) => IsVoid ? RunVoid(context) : RunTyped(context);

    private static async Task RunVoid(IIncomingGrainCallContext context) => await context.Invoke().ConfigureAwait(true);

    private static async Task<T> RunTyped(IIncomingGrainCallContext context)
    {
        await context.Invoke().ConfigureAwait(true);
        return context.Result switch
        {
            T result => result,
            null when default(T) is null => default!,
            var other => throw new InvalidCastException(
                $"A call filter set Result to {other?.GetType().Name ?? "null"}; the method returns {typeof(T).Name}."),
        };
    }
}
