namespace CommerceBrain.Nlu.Contracts;

/// <summary>One of a shop's own FAQ entries, the way merchants write them: a question and its answer, no paraphrases.</summary>
[GenerateSerializer]
[Immutable]
[Alias("nlu.merchant-faq-pair")]
public sealed record MerchantFaqPair(
    [property: Id(0)] string Id,
    [property: Id(1)] string Question,
    [property: Id(2)] string Answer);
