namespace CommerceBrain.Inference;

/// <summary>A model input or output as declared by the graph.</summary>
/// <param name="Name">The graph's name for it.</param>
/// <param name="ElementType">Its element type; <see cref="TensorElementType.Undefined"/> when it is not a tensor.</param>
/// <param name="Dimensions">Its dimensions; -1 for a dynamic (named or unknown) dimension.</param>
public sealed record TensorMetadata(string Name, TensorElementType ElementType, IReadOnlyList<long> Dimensions);
