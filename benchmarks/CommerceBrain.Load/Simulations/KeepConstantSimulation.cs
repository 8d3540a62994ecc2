namespace CommerceBrain.Load;

/// <summary>Closed model: <see cref="Copies"/> copies each run iterations back to back.</summary>
public sealed record KeepConstantSimulation : LoadSimulation
{
    internal KeepConstantSimulation(int copies, TimeSpan during) : base(during) =>
        Copies = copies > 0 ? copies : throw new ArgumentOutOfRangeException(nameof(copies), copies, "copies must be > 0");

    /// <summary>Concurrent copies.</summary>
    public int Copies { get; }
}
