namespace CommerceBrain.Benchmarks;

/// <summary>Issues the benchmark's calls from inside a grain (grain to grain), so they take the path grains use.</summary>
[Alias("bench.ping-caller")]
public interface IPingCallerGrain : IGrainWithIntegerKey
{
    /// <summary>Runs <paramref name="plan"/> with this grain's key as its caller index; returns how many calls completed.</summary>
    [Alias("run")]
    Task<long> Run(PingRunPlan plan);
}
