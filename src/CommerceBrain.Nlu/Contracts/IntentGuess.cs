namespace CommerceBrain.Nlu.Contracts;

/// <summary>One intent label with its score in [0, 1].</summary>
[GenerateSerializer]
[Immutable]
[Alias("nlu.intent-guess")]
public sealed record IntentGuess(
    [property: Id(0)] string Intent,
    [property: Id(1)] float Score);
