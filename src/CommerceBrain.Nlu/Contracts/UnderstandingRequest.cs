namespace CommerceBrain.Nlu.Contracts;

/// <summary>A customer's text to understand, in the context of a shop (<paramref name="MerchantId"/>) or the platform (null).</summary>
[GenerateSerializer]
[Immutable]
[Alias("nlu.understanding-request")]
public sealed record UnderstandingRequest(
    [property: Id(0)] string Text,
    [property: Id(1)] string? MerchantId);
