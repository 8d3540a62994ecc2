using System.Linq.Expressions;
using System.Reflection;

namespace CommerceBrain.Actors.Runtime;

/// <summary>A grain interface method with its compiled invoker and scheduling kind.</summary>
internal sealed class GrainMethod
{
    private GrainMethod(MethodInfo method, RequestKind kind, Func<object, object?[], Task> invoker, MethodAdapter adapter)
    {
        InterfaceMethod = method;
        Kind = kind;
        Invoker = invoker;
        Adapter = adapter;
        DisplayName = $"{method.DeclaringType!.Name}.{method.Name}";
    }

    public MethodInfo InterfaceMethod { get; }

    /// <summary><c>IInterface.Method</c>, used in errors and telemetry.</summary>
    public string DisplayName { get; }

    public RequestKind Kind { get; }

    /// <summary>Calls the method on a grain; Task-shaped results are converted to <see cref="Task"/>.</summary>
    public Func<object, object?[], Task> Invoker { get; }

    public MethodAdapter Adapter { get; }

    public static GrainMethod Create(MethodInfo method)
    {
        if (method.IsGenericMethodDefinition)
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType!.Name}.{method.Name} is generic; grain methods cannot be generic.");
        }

        var parameters = method.GetParameters();
        if (parameters.Any(p => p.ParameterType.IsByRef))
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType!.Name}.{method.Name} has a ref/out parameter; grain methods cannot.");
        }

        var (shape, resultType) = Classify(method);
        var kind = method.IsDefined(typeof(AlwaysInterleaveAttribute), true) ? RequestKind.Interleave
            : method.IsDefined(typeof(ReadOnlyAttribute), true) ? RequestKind.ReadOnly
            : RequestKind.Exclusive;
        var adapter = (MethodAdapter)Activator.CreateInstance(typeof(MethodAdapter<>).MakeGenericType(resultType), shape)!;
        return new GrainMethod(method, kind, CompileInvoker(method, parameters, shape, resultType), adapter);
    }

    private static (ReturnShape Shape, Type ResultType) Classify(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(Task))
        {
            return (ReturnShape.Task, typeof(VoidResult));
        }

        if (type == typeof(ValueTask))
        {
            return (ReturnShape.ValueTask, typeof(VoidResult));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return (ReturnShape.TaskOfT, type.GetGenericArguments()[0]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return (ReturnShape.ValueTaskOfT, type.GetGenericArguments()[0]);
        }

        throw new NotSupportedException(
            $"Grain method {method.DeclaringType!.Name}.{method.Name} returns {type.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.");
    }

    private static Func<object, object?[], Task> CompileInvoker(MethodInfo method, ParameterInfo[] parameters, ReturnShape shape, Type resultType)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = parameters.Select((p, i) =>
            (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        Expression call = Expression.Call(Expression.Convert(target, method.DeclaringType!), method, arguments);
        call = shape switch
        {
            ReturnShape.ValueTask => Expression.Call(typeof(ValueTaskConversions).GetMethod(nameof(ValueTaskConversions.ToTask))!, call),
            ReturnShape.ValueTaskOfT => Expression.Call(
                typeof(ValueTaskConversions).GetMethod(nameof(ValueTaskConversions.ToTaskOf))!.MakeGenericMethod(resultType), call),
            _ => Expression.Convert(call, typeof(Task)),
        };
        return Expression.Lambda<Func<object, object?[], Task>>(call, target, args).Compile();
    }
}

internal enum ReturnShape : byte
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>The "result" of methods returning <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
internal sealed class VoidResult;

internal static class ValueTaskConversions
{
    public static Task ToTask(ValueTask task) => task.AsTask();

    public static Task ToTaskOf<T>(ValueTask<T> task) => task.AsTask();
}
