namespace CommerceBrain.Actors.Runtime;

/// <summary>The local activations of one stateless-worker grain key.</summary>
internal sealed class StatelessWorkerGroup(ActorRuntime runtime, GrainId grainId, GrainTypeInfo type)
{
    private readonly Lock _lock = new();
    private readonly List<Activation> _workers = [];

    public GrainId GrainId { get; } = grainId;

    public GrainTypeInfo Type { get; } = type;

    public Activation[] Workers
    {
        get
        {
            lock (_lock)
            {
                return [.. _workers];
            }
        }
    }

    /// <summary>An idle worker, else a new one while below the maximum, else the first live worker (its queue serialises).</summary>
    public Activation Select()
    {
        Activation created;
        lock (_lock)
        {
            Activation? busy = null;
            foreach (var worker in _workers)
            {
                if (worker.IsInvalid || worker.IsDeactivationRequested)
                {
                    continue;
                }

                if (worker.IsIdle)
                {
                    return worker;
                }

                busy ??= worker;
            }

            if (_workers.Count >= Type.StatelessWorkerMax && busy is not null)
            {
                return busy;
            }

            created = runtime.CreateWorker(this);
            _workers.Add(created);
        }

        created.BeginActivation();
        return created;
    }

    public void Remove(Activation worker)
    {
        lock (_lock)
        {
            _workers.Remove(worker);
        }
    }
}
