using System.Reflection;
using CommerceBrain.Actors.Timers;

namespace CommerceBrain.Actors.Filters;

/// <summary>
/// Walks the filter chain for one timer tick, like <see cref="IncomingGrainCallContext"/> does for a call, so tracing and
/// metrics filters see ticks (as in Orleans 8.2+). The chain runs inside the tick's turn.
/// </summary>
internal sealed class TimerTickCallContext(object grain, GrainId grainId, GrainTimer timer, IIncomingGrainCallFilter[] filters)
    : IIncomingGrainCallContext
{
    private int _next;

    public object Grain { get; } = grain;

    public GrainId GrainId { get; } = grainId;

    public MethodInfo InterfaceMethod => GrainTimerTick.InterfaceMethod;

    public MethodInfo ImplementationMethod => timer.CallbackMethod;

    public object?[] Arguments { get; } = [timer.State, timer.CancellationToken];

    /// <summary>Ticks have no result; a value a filter sets is ignored.</summary>
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

        return timer.InvokeCallback(Arguments[0], Arguments[1] is CancellationToken token ? token : timer.CancellationToken);
    }
}
