namespace CommerceBrain.Load;

/// <summary>Nothing runs for the stretch.</summary>
public sealed record PauseSimulation : LoadSimulation
{
    internal PauseSimulation(TimeSpan during) : base(during)
    {
    }
}
