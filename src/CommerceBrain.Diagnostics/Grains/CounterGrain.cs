using Orleans.Runtime;
using CommerceBrain.Diagnostics.Contracts;

namespace CommerceBrain.Diagnostics.Grains;

/// <summary>Holds one counter; writes through on every increment.</summary>
public sealed class CounterGrain(
    [PersistentState(CounterGrain.StateName)] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    /// <summary>The state name: unique to this grain class, so no other grain with the same key shares its row.</summary>
    public const string StateName = "diagnostics-counter";

    /// <inheritdoc />
    public async Task<long> Increment(long amount)
    {
        var previous = counter.State.Value;
        var value = counter.State.Add(amount);
        try
        {
            await counter.WriteStateAsync();   // acknowledged = durable
        }
        catch
        {
            // Keep memory equal to storage, so a failed write is not counted by the next success, and reload from
            // storage on the next call in case the write failed on a stale ETag.
            counter.State.Value = previous;
            DeactivateOnIdle();
            throw;
        }

        DiagnosticsTelemetry.StoredIncrements.Add(1);
        return value;
    }

    /// <inheritdoc />
    public Task<long> Get() => Task.FromResult(counter.State.Value);
}
