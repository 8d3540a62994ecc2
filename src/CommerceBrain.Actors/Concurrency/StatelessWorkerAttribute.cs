namespace CommerceBrain.Actors;

/// <summary>
/// The grain keeps no state: the runtime may create up to <see cref="MaxLocalWorkers"/> activations per key in this silo.
/// A call goes to an idle worker, or to a new one while below the maximum, or else to the least busy worker.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers) : Attribute
{
    /// <summary>Uses one worker per processor.</summary>
    public StatelessWorkerAttribute()
        : this(Environment.ProcessorCount)
    {
    }

    /// <summary>The maximum number of activations per key in this silo.</summary>
    public int MaxLocalWorkers { get; } = maxLocalWorkers > 0
        ? maxLocalWorkers
        : throw new ArgumentOutOfRangeException(nameof(maxLocalWorkers), maxLocalWorkers, "A stateless worker needs at least one activation.");
}
