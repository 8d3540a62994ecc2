using Orleans;

namespace CommerceBrain.Storage.Tests.Contracts;

/// <summary>
/// The state type the storage contract writes. [GenerateSerializer] also puts it on Orleans' type allow-list, which the
/// default grain-storage serializer (JSON with type names) checks when it reads a payload back.
/// </summary>
[GenerateSerializer]
[Alias("storage-tests.test-state")]
public sealed record TestState
{
    [Id(0)]
    public string? Text { get; set; }

    [Id(1)]
    public int Number { get; set; }

    [Id(2)]
    public long Big { get; set; }
}
