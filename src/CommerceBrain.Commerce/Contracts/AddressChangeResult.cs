namespace CommerceBrain.Commerce.Contracts;

/// <summary>The outcome of an address change and the order afterwards (null when not found).</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.address-change-result")]
public sealed record AddressChangeResult(
    [property: Id(0)] AddressChangeOutcome Outcome,
    [property: Id(1)] OrderView? Order);
