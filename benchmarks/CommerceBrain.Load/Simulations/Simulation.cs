namespace CommerceBrain.Load;

/// <summary>Builds load simulations (NBomber's <c>Simulation</c>); invalid values throw <see cref="ArgumentOutOfRangeException"/>.</summary>
public static class Simulation
{
    /// <summary>Open model: <paramref name="rate"/> iterations per <paramref name="interval"/> for <paramref name="during"/>.</summary>
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during) => new InjectSimulation(rate, interval, during);

    /// <summary>Open model: rate ramps linearly from the previous simulation's rate (0 at the start) to <paramref name="rate"/>.</summary>
    public static LoadSimulation RampingInject(int rate, TimeSpan interval, TimeSpan during) => new RampingInjectSimulation(rate, interval, during);

    /// <summary>Closed model: <paramref name="copies"/> copies loop for <paramref name="during"/>.</summary>
    public static LoadSimulation KeepConstant(int copies, TimeSpan during) => new KeepConstantSimulation(copies, during);

    /// <summary>Closed model: copies ramp linearly from the previous simulation's count (0 at the start) to <paramref name="copies"/>.</summary>
    public static LoadSimulation RampingConstant(int copies, TimeSpan during) => new RampingConstantSimulation(copies, during);

    /// <summary><paramref name="count"/> iterations released at once, then a wait of <paramref name="during"/>.</summary>
    public static LoadSimulation Burst(int count, TimeSpan during) => new BurstSimulation(count, during);

    /// <summary>No load for <paramref name="during"/>.</summary>
    public static LoadSimulation Pause(TimeSpan during) => new PauseSimulation(during);
}
