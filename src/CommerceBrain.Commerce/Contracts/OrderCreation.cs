namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// The outcome of <see cref="IOrderGrain.Create"/>: the order (created or earlier) or, when invalid, the errors by field
/// (<c>customerId</c>, <c>merchantId</c>, <c>lines[0].sku</c>...).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.order-creation")]
public sealed record OrderCreation(
    [property: Id(0)] OrderCreationOutcome Outcome,
    [property: Id(1)] OrderView? Order,
    [property: Id(2)] IReadOnlyDictionary<string, string[]>? Errors = null);
