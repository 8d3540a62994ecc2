using Orleans.Concurrency;

namespace CommerceBrain.Benchmarks;

/// <summary>
/// Caller grain: its loops run as continuations of one request on this activation's scheduler, so one caller uses at most
/// one thread at a time and the benchmark runs several callers to load every core.
/// </summary>
/// <remarks>
/// [Reentrant] as Orleans' maintainers recommend for a grain that fans out calls: nothing here needs the one-request-at-a-time
/// guarantee, and a second request (another run) is not held back behind a long one. It does not change the throughput
/// measured (A/B on this benchmark): the loops' continuations belong to the running request, which needs no reentrancy.
/// </remarks>
[Reentrant]
public sealed class PingCallerGrain : Grain, IPingCallerGrain
{
    /// <inheritdoc />
    public async Task<long> Run(PingRunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var caller = (int)this.GetPrimaryKeyLong();
        var deadline = PingLoop.StopwatchDeadline(plan.Deadline);
        var loops = new Task<long>[plan.InFlight];
        for (var loop = 0; loop < plan.InFlight; loop++)
        {
            var targets = PingLoop.Targets(GrainFactory, plan.Keys, caller * plan.InFlight + loop, plan.Callers * plan.InFlight);
            loops[loop] = PingLoop.RunAsync(targets, deadline);
        }

        long calls = 0;
        foreach (var count in await Task.WhenAll(loops))
        {
            calls += count;
        }

        return calls;
    }
}
