namespace CommerceBrain.Load;

/// <summary>Open model: <see cref="Count"/> iterations released at once, then nothing for the rest of the stretch.</summary>
public sealed record BurstSimulation : LoadSimulation
{
    internal BurstSimulation(int count, TimeSpan during) : base(during) =>
        Count = count > 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "count must be > 0");

    /// <summary>Iterations released at the start of the stretch.</summary>
    public int Count { get; }
}
