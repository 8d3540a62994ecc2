using CommerceBrain.Actors.Filters;
using CommerceBrain.Actors.Tests.Infrastructure;
using CommerceBrain.Actors.Timers;

namespace CommerceBrain.Actors.Tests.Grains;

public interface IFilteredGrain : IGrainWithStringKey
{
    Task<string> Echo(string text);

    Task Touch();

    Task StartSkippedTimer();
}

public sealed class FilteredGrain(Probe probe) : Grain, IFilteredGrain, IIncomingGrainCallFilter
{
    public Task<string> Echo(string text)
    {
        probe.Record($"method:{text}");
        return Task.FromResult(text);
    }

    public Task Touch()
    {
        probe.Record("method:touch");
        return Task.CompletedTask;
    }

    public Task StartSkippedTimer()
    {
        RegisterGrainTimer(
            _ =>
            {
                probe.Record("skipped-timer-ran");
                return Task.CompletedTask;
            },
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        // Timer ticks reach the grain's own filter too; this one swallows them to show a filter can.
        if (context.InterfaceMethod == GrainTimerTick.InterfaceMethod)
        {
            probe.Record($"grain-filter:tick:{context.InterfaceMethod.DeclaringType!.Name}.{context.InterfaceMethod.Name}");
            return;
        }

        probe.Record($"grain-filter:{context.ImplementationMethod.DeclaringType!.Name}.{context.ImplementationMethod.Name}");
        await context.Invoke();
    }
}

public sealed class FirstFilter(Probe probe) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        probe.Record($"first-before:{context.GrainId}:{context.InterfaceMethod.Name}:{string.Join(",", context.Arguments)}");
        await context.Invoke();
        probe.Record("first-after");
    }
}

/// <summary>Rewrites the result of Echo and upper-cases its argument.</summary>
public sealed class SecondFilter(Probe probe) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        probe.Record("second-before");
        if (context.InterfaceMethod.Name == nameof(IFilteredGrain.Echo))
        {
            context.Arguments[0] = ((string)context.Arguments[0]!).ToUpperInvariant();
        }

        await context.Invoke();
        if (context.Result is string text)
        {
            context.Result = text + "!";
        }

        probe.Record("second-after");
    }
}
