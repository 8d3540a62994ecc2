namespace CommerceBrain.Load;

/// <summary>One stretch of a scenario's load shape; build them with <see cref="Simulation"/>.</summary>
public abstract record LoadSimulation
{
    private protected LoadSimulation(TimeSpan during)
    {
        if (during <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(during), during, "a load simulation's duration must be > 0");
        }

        During = during;
    }

    /// <summary>How long this stretch lasts.</summary>
    public TimeSpan During { get; }
}
