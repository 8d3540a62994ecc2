namespace CommerceBrain.Nlu.Contracts;

/// <summary>
/// A FAQ entry matched to a question: the platform's (<paramref name="MerchantId"/> null) or a shop's own. The score is the
/// matcher's fused score in [0, 1].
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("nlu.faq-hit")]
public sealed record FaqHit(
    [property: Id(0)] string Id,
    [property: Id(1)] string Question,
    [property: Id(2)] string Answer,
    [property: Id(3)] float Score,
    [property: Id(4)] string? MerchantId);
