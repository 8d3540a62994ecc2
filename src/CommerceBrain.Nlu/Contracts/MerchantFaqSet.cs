namespace CommerceBrain.Nlu.Contracts;

/// <summary>A shop's whole FAQ at one version (the version grows by one with every stored change; 0 = never set).</summary>
[GenerateSerializer]
[Immutable]
[Alias("nlu.merchant-faq-set")]
public sealed record MerchantFaqSet(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<MerchantFaqPair> Entries);
