namespace CommerceBrain.Silo.Operations;

/// <summary>Grain activations per silo (by silo address) at <paramref name="Second"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("operations.activation-sample")]
public sealed record ActivationSample(
    [property: Id(0)] long Second,
    [property: Id(1)] IReadOnlyDictionary<string, int> BySilo);
