using Orleans.Concurrency;

namespace CommerceBrain.Diagnostics.Contracts;

/// <summary>
/// A named durable counter, the silo's smoke test for the whole write path (HTTP → grain → storage). An increment
/// completes only after its new value is stored, so an acknowledged value survives a crash.
/// </summary>
[Alias("diagnostics.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/> (positive), stores the result and returns it.</summary>
    [Alias("increment")]
    Task<long> Increment(long amount);

    /// <summary>The current value; 0 for a counter never incremented.</summary>
    [ReadOnly]
    [Alias("get")]
    Task<long> Get();
}
