namespace CommerceBrain.Inference.Contracts;

/// <summary>A published model version as seen by callers.</summary>
/// <param name="Name">The model's name (e.g. "intent").</param>
/// <param name="Version">The published version label.</param>
/// <param name="Inputs">The graph inputs.</param>
/// <param name="Outputs">The graph outputs.</param>
/// <param name="PublishedAt">When this version became current.</param>
public sealed record ModelInfo(
    string Name,
    string Version,
    IReadOnlyList<TensorMetadata> Inputs,
    IReadOnlyList<TensorMetadata> Outputs,
    DateTimeOffset PublishedAt);
