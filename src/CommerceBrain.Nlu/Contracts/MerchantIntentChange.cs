namespace CommerceBrain.Nlu.Contracts;

/// <summary>The outcome of <see cref="IMerchantIntentsGrain.Put"/>: stored (with the new set) or refused with a reason.</summary>
/// <param name="Stored">Whether the change was stored.</param>
/// <param name="Refusal">Why it was refused; null when stored.</param>
/// <param name="Set">The merchant's intents after the call.</param>
[GenerateSerializer]
[Immutable]
[Alias("nlu.merchant-intent-change")]
public sealed record MerchantIntentChange(
    [property: Id(0)] bool Stored,
    [property: Id(1)] string? Refusal,
    [property: Id(2)] MerchantIntentSet Set);
