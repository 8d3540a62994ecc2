namespace CommerceBrain.Nlu.Contracts;

/// <summary>All run-time intents of a merchant at one version (the version grows by one with every stored change).</summary>
/// <param name="MerchantId">The merchant.</param>
/// <param name="Version">0 for a merchant that never added an intent.</param>
/// <param name="Intents">The intents, in the order they were first added.</param>
[GenerateSerializer]
[Immutable]
[Alias("nlu.merchant-intent-set")]
public sealed record MerchantIntentSet(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<MerchantIntentDefinition> Intents);
