namespace CommerceBrain.Nlu.Contracts;

/// <summary>The outcome of <see cref="IMerchantFaqGrain.Replace"/>: stored (with the new set) or refused with a reason.</summary>
/// <param name="Stored">Whether the new FAQ was stored.</param>
/// <param name="Refusal">Why it was refused (the first rule broken, naming the entry); null when stored.</param>
/// <param name="Set">The shop's FAQ after the call (unchanged when refused).</param>
[GenerateSerializer]
[Immutable]
[Alias("nlu.merchant-faq-change")]
public sealed record MerchantFaqChange(
    [property: Id(0)] bool Stored,
    [property: Id(1)] string? Refusal,
    [property: Id(2)] MerchantFaqSet Set);
