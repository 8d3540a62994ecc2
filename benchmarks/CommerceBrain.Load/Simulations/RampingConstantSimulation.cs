namespace CommerceBrain.Load;

/// <summary>Closed model: the number of copies moves linearly from the previous stretch's to <see cref="Copies"/>.</summary>
public sealed record RampingConstantSimulation : LoadSimulation
{
    internal RampingConstantSimulation(int copies, TimeSpan during) : base(during) =>
        Copies = copies >= 0 ? copies : throw new ArgumentOutOfRangeException(nameof(copies), copies, "copies must be >= 0");

    /// <summary>Copies at the end of the ramp.</summary>
    public int Copies { get; }
}
