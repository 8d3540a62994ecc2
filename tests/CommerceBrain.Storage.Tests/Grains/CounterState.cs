using Orleans;

namespace CommerceBrain.Storage.Tests.Grains;

/// <summary>The persisted state of a <see cref="CounterGrain"/>.</summary>
[GenerateSerializer]
[Alias("storage-tests.counter-state")]
public sealed class CounterState
{
    [Id(0)]
    public int Count { get; set; }

    [Id(1)]
    public List<string> Notes { get; set; } = [];
}
