using CommerceBrain.Actors;

namespace CommerceBrain.Silo.Diagnostics.Contracts;

/// <summary>
/// A named durable counter, the silo's smoke test for the whole write path (HTTP → grain → storage). An increment
/// completes only after its new value is stored, so an acknowledged value survives a crash.
/// </summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/> (positive), stores the result and returns it.</summary>
    Task<long> Increment(long amount);

    /// <summary>The current value; 0 for a counter never incremented.</summary>
    [ReadOnly]
    Task<long> Get();
}
