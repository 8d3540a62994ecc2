using Orleans;
using Orleans.Runtime;

namespace CommerceBrain.Benchmarks;

/// <summary>A grain whose every call is one durable state write (the state-writes benchmark).</summary>
[Alias("benchmarks.state-write")]
public interface IStateWriteGrain : IGrainWithIntegerKey
{
    /// <summary>Changes the state and awaits <c>WriteStateAsync</c>; returns the new sequence number.</summary>
    Task<long> Write();
}

/// <summary>The persisted state: a sequence number and a fixed-size payload (like a small domain record).</summary>
[GenerateSerializer]
[Alias("benchmarks.state-write-state")]
public sealed class StateWriteState
{
    [Id(0)]
    public long Sequence { get; set; }

    [Id(1)]
    public byte[] Payload { get; set; } = [];
}

/// <summary>Writes its <c>[PersistentState]</c> on the silo's "Default" storage on every call.</summary>
public sealed class StateWriteGrain([PersistentState("bench")] IPersistentState<StateWriteState> state) : Grain, IStateWriteGrain
{
    /// <summary>Bytes of payload each state carries; set once per process before the first call.</summary>
    public static int PayloadBytes { get; set; } = 100;

    public async Task<long> Write()
    {
        if (state.State.Payload.Length != PayloadBytes)
        {
            state.State.Payload = new byte[PayloadBytes];
            Random.Shared.NextBytes(state.State.Payload);
        }

        state.State.Sequence++;
        await state.WriteStateAsync();
        return state.State.Sequence;
    }
}
