using Orleans;
using Orleans.Runtime;

namespace CommerceBrain.Storage.Tests.Grains;

/// <summary>Persists its counter through <c>[PersistentState]</c> on the silo's "Default" storage.</summary>
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    // Identifies the activation, so a test can tell a reactivation from the same activation.
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task<int> Increment(string note)
    {
        state.State.Count++;
        state.State.Notes.Add(note);
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<CounterSnapshot> Read() =>
        Task.FromResult(new CounterSnapshot(state.State.Count, [.. state.State.Notes], state.RecordExists, state.Etag, _activationId));

    public Task Clear() => state.ClearStateAsync();
}
