using CommerceBrain.Actors.Filters;
using CommerceBrain.Actors.Tests.Infrastructure;
using CommerceBrain.Actors.Timers;

namespace CommerceBrain.Actors.Tests.Grains;

public interface ITickingGrain : IGrainWithStringKey
{
    Task Start(string state, TimeSpan dueTime);
}

/// <summary>Ticks through a named method with state, so filters have a recognisable implementation method.</summary>
public sealed class TickingGrain(Probe probe) : Grain, ITickingGrain
{
    public Task Start(string state, TimeSpan dueTime)
    {
        RegisterGrainTimer(OnTick, state, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    private Task OnTick(string state, CancellationToken cancellationToken)
    {
        probe.Record($"tick:{state}");
        return Task.CompletedTask;
    }
}

/// <summary>Records what a filter sees for timer ticks only; grain calls pass through unrecorded.</summary>
public sealed class TickObservingFilter(Probe probe) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod != GrainTimerTick.InterfaceMethod)
        {
            await context.Invoke();
            return;
        }

        probe.Record(
            $"filter-before:{context.GrainId}:{context.Grain.GetType().Name}:{context.InterfaceMethod.Name}:{context.ImplementationMethod.Name}:{context.Arguments[0]}");
        await context.Invoke();
        probe.Record("filter-after");
    }
}

/// <summary>Fails the first timer tick it sees before the callback runs; later ticks pass.</summary>
public sealed class FailFirstTickFilter(Probe probe) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod == GrainTimerTick.InterfaceMethod && probe.Count("tick-filter-failed") == 0)
        {
            probe.Increment("tick-filter-failed");
            throw new InvalidOperationException("filter refused the tick");
        }

        await context.Invoke();
    }
}
