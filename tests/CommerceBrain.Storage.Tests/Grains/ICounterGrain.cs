using Orleans;

namespace CommerceBrain.Storage.Tests.Grains;

/// <summary>A grain whose only state is a persisted counter, to prove state survives deactivation.</summary>
[Alias("storage-tests.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, records the note, writes the state and returns the new count.</summary>
    Task<int> Increment(string note);

    /// <summary>The state as this activation holds it.</summary>
    Task<CounterSnapshot> Read();

    /// <summary>Clears the stored state.</summary>
    Task Clear();
}

/// <summary>What a counter grain reports about its state.</summary>
[GenerateSerializer]
[Immutable]
[Alias("storage-tests.counter-snapshot")]
public sealed record CounterSnapshot(
    [property: Id(0)] int Count,
    [property: Id(1)] IReadOnlyList<string> Notes,
    [property: Id(2)] bool RecordExists,
    [property: Id(3)] string? ETag,
    [property: Id(4)] Guid ActivationId);
