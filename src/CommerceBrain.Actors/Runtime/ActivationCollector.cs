namespace CommerceBrain.Actors.Runtime;

/// <summary>
/// Deactivates activations idle for longer than the collection age (checked every quantum), and evicts the least
/// recently used idle activations when the live count exceeds the cap.
/// </summary>
internal sealed class ActivationCollector(ActorRuntime runtime) : IDisposable
{
    private ITimer? _timer;
    private int _evicting;
    private bool _disposed;

    public void Start()
    {
        var quantum = runtime.Options.CollectionQuantum;
        _timer = runtime.Time.CreateTimer(static s => ((ActivationCollector)s!).CollectIdle(), this, quantum, quantum);
    }

    public void CollectIdle()
    {
        var now = runtime.Time.GetTimestamp();
        var utcNow = runtime.Time.GetUtcNow();
        var age = runtime.Options.CollectionAge;
        foreach (var activation in runtime.Activations())
        {
            var limit = activation.Type?.CollectionAge ?? age;
            if (runtime.Time.GetElapsedTime(activation.LastActivity, now) >= limit && !activation.IsKeptAlive(utcNow))
            {
                activation.TryDeactivateIdle(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for more than {limit}."));
            }
        }
    }

    /// <summary>Starts one eviction pass in the background unless one is already running.</summary>
    public void RequestEviction()
    {
        if (!_disposed && Interlocked.Exchange(ref _evicting, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Evict(), this, preferLocal: false);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
    }

    private void Evict()
    {
        try
        {
            var max = runtime.Options.MaxActivations;
            var all = runtime.Activations().ToList();
            var leaving = all.Count(a => a.IsDeactivationRequested);
            var excess = all.Count - leaving - max;
            if (excess <= 0)
            {
                return;
            }

            // Evict a little more than needed so an activation storm does not sort the whole set on every creation.
            var target = excess + (max / 100);
            var utcNow = runtime.Time.GetUtcNow();
            var reason = new DeactivationReason(DeactivationReasonCode.ActivationLimitExceeded, $"More than {max} live activations.");
            var candidates = all
                .Where(a => a.State == ActivationState.Valid && !a.IsKeptAlive(utcNow) && a.IsIdle)
                .OrderBy(a => a.LastActivity);
            foreach (var candidate in candidates)
            {
                if (target <= 0)
                {
                    break;
                }

                if (candidate.TryDeactivateIdle(reason))
                {
                    target--;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _evicting, 0);
        }
    }
}
