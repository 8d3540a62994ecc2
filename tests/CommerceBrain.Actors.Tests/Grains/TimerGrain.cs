using CommerceBrain.Actors.Tests.Infrastructure;
using CommerceBrain.Actors.Timers;

namespace CommerceBrain.Actors.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(TimeSpan dueTime, TimeSpan period, bool keepAlive, bool waitForRelease, bool interleave = false);

    Task BlockUntil(string gate);

    Task<(int Started, int MaxInside)> GetTicks();

    Task<long> ActivationNumber();

    Task Deactivate();
}

public sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private int _started;
    private int _inside;
    private int _maxInside;

    public Task StartTimer(TimeSpan dueTime, TimeSpan period, bool keepAlive, bool waitForRelease, bool interleave = false)
    {
        RegisterGrainTimer(
            async token =>
            {
                var tick = ++_started;
                _inside++;
                _maxInside = Math.Max(_maxInside, _inside);
                token.Register(() => probe.Record($"tick-cancelled:{this.GetPrimaryKeyString()}"));
                probe.Record($"tick:{this.GetPrimaryKeyString()}:{tick}");
                if (waitForRelease)
                {
                    await probe.WaitUntil(() => probe.Count("release") >= tick, $"release {tick}");
                }

                _inside--;
                probe.Record($"tick-done:{this.GetPrimaryKeyString()}:{tick}");
            },
            new GrainTimerCreationOptions(dueTime, period) { KeepAlive = keepAlive, Interleave = interleave });
        return Task.CompletedTask;
    }

    public async Task BlockUntil(string gate)
    {
        probe.Record($"blocking:{gate}");
        await probe.WaitUntil(() => probe.Count(gate) > 0, gate);
    }

    public Task<(int Started, int MaxInside)> GetTicks() => Task.FromResult((_started, _maxInside));

    public Task<long> ActivationNumber() => Task.FromResult(Activation.Id);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}:{reason.Code}");
        return Task.CompletedTask;
    }
}
