using CommerceBrain.Actors.Tests.Infrastructure;

namespace CommerceBrain.Actors.Tests.Grains;

public interface IWorkerGrain : IGrainWithStringKey
{
    Task<long> Work();
}

[StatelessWorker(3)]
public sealed class WorkerGrain(Probe probe) : Grain, IWorkerGrain
{
    public async Task<long> Work()
    {
        probe.Record($"worker-started:{Activation.Id}");
        await probe.WaitUntil(() => probe.Count("release") > 0, "release workers");
        return Activation.Id;
    }
}
