namespace CommerceBrain.Benchmarks;

/// <summary>The target of the grain-call benchmark: a method that does nothing, so a call measures only the runtime.</summary>
[Alias("bench.ping")]
public interface IPingGrain : IGrainWithIntegerKey
{
    /// <summary>Returns at once. <see cref="ValueTask"/>, as in Orleans' own ping benchmark: the generated proxy completes it
    /// from a pooled source, so a call allocates no Task.</summary>
    [Alias("ping")]
    ValueTask Ping();
}
