namespace CommerceBrain.Inference.Contracts;

/// <summary>The outputs computed for one request, and which model version computed them. Crosses grain calls.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="ModelVersion">The version that ran (a hot swap may change it between two calls).</param>
/// <param name="Outputs">The requested outputs in request order (graph order when all were requested).</param>
[GenerateSerializer]
[Immutable]
[Alias("CommerceBrain.Inference.InferenceResult")]
public sealed record InferenceResult(
    [property: Id(0)] string Model,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] IReadOnlyList<OutputRow> Outputs)
{
    /// <summary>The output named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such output in this result.</exception>
    public OutputRow this[string name] =>
        Outputs.FirstOrDefault(o => o.Name == name)
        ?? throw new KeyNotFoundException($"The result of model '{Model}' has no output '{name}'; it has: {string.Join(", ", Outputs.Select(o => o.Name))}.");

    /// <summary>The float values of the output named <paramref name="name"/>.</summary>
    public float[] Floats(string name) => this[name].AsFloats();
}
