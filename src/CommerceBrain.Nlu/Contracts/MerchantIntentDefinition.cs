namespace CommerceBrain.Nlu.Contracts;

/// <summary>One run-time intent of a merchant: its name and the example messages its prototype is built from.</summary>
/// <param name="Name">The intent's name.</param>
/// <param name="Examples">The example messages (5–10 through the API).</param>
[GenerateSerializer]
[Immutable]
[Alias("nlu.merchant-intent-definition")]
public sealed record MerchantIntentDefinition([property: Id(0)] string Name, [property: Id(1)] IReadOnlyList<string> Examples);
