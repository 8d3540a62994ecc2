using System.Reflection;
using CommerceBrain.Actors.Runtime;

namespace CommerceBrain.Actors.Filters;

/// <summary>Walks the filter chain for one call: DI filters, then the grain's own filter, then the method.</summary>
internal sealed class IncomingGrainCallContext(Activation activation, object grain, GrainMethod method, object?[] arguments, IIncomingGrainCallFilter[] filters)
    : IIncomingGrainCallContext
{
    private int _next;

    public object Grain { get; } = grain;

    public GrainId GrainId => activation.GrainId;

    public MethodInfo InterfaceMethod => method.InterfaceMethod;

    public MethodInfo ImplementationMethod => activation.Type?.GetImplementationMethod(method.InterfaceMethod) ?? method.InterfaceMethod;

    public object?[] Arguments { get; } = arguments;

    public object? Result { get; set; }

    public Task Invoke()
    {
        var index = _next++;
        if (index < filters.Length)
        {
            return filters[index].Invoke(this);
        }

        if (index == filters.Length && Grain is IIncomingGrainCallFilter grainFilter)
        {
            return grainFilter.Invoke(this);
        }

        return InvokeMethod();
    }

    private async Task InvokeMethod()
    {
        var task = method.Invoker(Grain, Arguments);
        await task.ConfigureAwait(true);
        Result = method.Adapter.ReadResult(task);
    }
}
