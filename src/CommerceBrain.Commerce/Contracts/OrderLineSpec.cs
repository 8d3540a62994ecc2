namespace CommerceBrain.Commerce.Contracts;

/// <summary>One line of a new order: a product of the order's merchant and how many. Title and price come from the catalogue.</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.order-line-spec")]
public sealed record OrderLineSpec(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity);
