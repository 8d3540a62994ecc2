namespace CommerceBrain.Nlu.Contracts;

/// <summary>
/// What the language engine understood of one text: the intent (the out-of-scope label with
/// <paramref name="OutOfScope"/> true when no intent fits), the top intent candidates, the FAQ verdict with the best hits
/// (platform and shop FAQs ranked together), the entities, and the detected language (<c>zh</c> or <c>en</c>).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("nlu.understanding")]
public sealed record Understanding(
    [property: Id(0)] string Intent,
    [property: Id(1)] float Confidence,
    [property: Id(2)] bool OutOfScope,
    [property: Id(3)] IReadOnlyList<IntentGuess> Candidates,
    [property: Id(4)] FaqVerdict Faq,
    [property: Id(5)] float FaqConfidence,
    [property: Id(6)] IReadOnlyList<FaqHit> FaqHits,
    [property: Id(7)] IReadOnlyList<FoundEntity> Entities,
    [property: Id(8)] string Language);
