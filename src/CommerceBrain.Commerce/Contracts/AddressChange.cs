namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// A customer's request to change an order's delivery address. <paramref name="RequestId"/> makes it idempotent: the
/// same id again returns the first outcome and changes nothing.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.address-change")]
public sealed record AddressChange(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string NewAddress,
    [property: Id(2)] string RequestId);
