namespace CommerceBrain.Nlu.Contracts;

/// <summary>
/// An entity in the text: <paramref name="Kind"/> is OrderId, Amount, Date, Phone or Email; <paramref name="Value"/> the
/// canonical form; <paramref name="Start"/>/<paramref name="Length"/> index the original text.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("nlu.found-entity")]
public sealed record FoundEntity(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Text,
    [property: Id(2)] string Value,
    [property: Id(3)] int Start,
    [property: Id(4)] int Length);
