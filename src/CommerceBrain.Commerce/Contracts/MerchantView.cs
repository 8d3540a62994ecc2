namespace CommerceBrain.Commerce.Contracts;

/// <summary>A shop on the marketplace.</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.merchant-view")]
public sealed record MerchantView(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Category);
