using CommerceBrain.Nlu;

namespace CommerceBrain.Nlu.Serving;

/// <summary>The resolved files and directories of the silo's NLU models (all absolute).</summary>
/// <param name="IntentModelDirectory">The intent classifier (<c>model.onnx</c> + <c>model.json</c>).</param>
/// <param name="FaqEncoderDirectory">The FAQ text encoder.</param>
/// <param name="IntentTrainingFile">Intent training data.</param>
/// <param name="FaqFile">The FAQ knowledge base (JSON lines): indexed at start and used to train the encoder.</param>
public sealed record NluModelPaths(string IntentModelDirectory, string FaqEncoderDirectory, string IntentTrainingFile, string FaqFile)
{
    /// <summary>Where the demo corpus is copied next to the executable.</summary>
    public static string BundledDataDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "nlu");

    /// <summary>
    /// Resolves the settings: models under <paramref name="serving"/>'s <c>ModelDirectory</c> (default
    /// <c>&lt;DataDirectory&gt;/models</c>) unless <paramref name="nlu"/> names a directory per model; training data
    /// defaults to the bundled demo corpus. Relative paths are relative to the working directory.
    /// </summary>
    public static NluModelPaths Resolve(NluServingOptions serving, NluOptions nlu, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(nlu);
        var models = Full(serving.ModelDirectory) ?? Path.Combine(dataDirectory, "models");
        return new NluModelPaths(
            Full(nlu.IntentModelDirectory) ?? Path.Combine(models, "intents"),
            Full(nlu.FaqEncoderDirectory) ?? Path.Combine(models, "faq-encoder"),
            Full(serving.IntentTrainingFile) ?? Path.Combine(BundledDataDirectory, "intents.csv"),
            Full(nlu.FaqEntriesFile) ?? Path.Combine(BundledDataDirectory, "faq.jsonl"));
    }

    private static string? Full(string? path) => string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
}
