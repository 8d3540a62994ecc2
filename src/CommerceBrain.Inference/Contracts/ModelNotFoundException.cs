namespace CommerceBrain.Inference.Contracts;

/// <summary>No model with the requested name is published. Serializable, so a grain call rethrows it at the caller.</summary>
[GenerateSerializer]
[Alias("CommerceBrain.Inference.ModelNotFoundException")]
public sealed class ModelNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception naming the model and the ones that are known.</summary>
    public ModelNotFoundException(string model, IEnumerable<string> known)
        : base($"No model named '{model}' is published; known models: {FormatKnown(known)}.")
    {
        Model = model;
    }

    /// <summary>The requested model name.</summary>
    [Id(0)]
    public string Model { get; }

    static string FormatKnown(IEnumerable<string> known)
    {
        var names = known.Order(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? "(none)" : string.Join(", ", names);
    }
}
