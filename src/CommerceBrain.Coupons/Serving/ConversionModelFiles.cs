using System.Text.Json;
using System.Text.Json.Serialization;
using CommerceBrain.Coupons.Allocation;

namespace CommerceBrain.Coupons.Serving;

/// <summary>
/// The conversion model on disk: the ONNX graph and its JSON metadata side by side. Each file is written to a temporary
/// sibling and renamed into place, metadata last, so a crash never leaves a model that looks complete but is not.
/// </summary>
public static partial class ConversionModelFiles
{
    /// <summary>The metadata file of <paramref name="modelFile"/> (same name, <c>.json</c>).</summary>
    public static string MetadataFile(string modelFile) => Path.ChangeExtension(modelFile, ".json");

    /// <summary>True when both files are there (their contents are checked when loaded).</summary>
    public static bool Exists(string modelFile) => File.Exists(modelFile) && File.Exists(MetadataFile(modelFile));

    /// <summary>Simulates the randomised experiment on <paramref name="customers"/> customers and fits the model (deterministic per seed and size).</summary>
    public static ConversionModel Train(int customers, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 100);
        var population = SimulatedPopulation.Generate(customers, seed);
        var experiment = ConversionModelTrainer.SimulateExperiment(population, unchecked(seed + 1));
        return ConversionModelTrainer.Fit(experiment, $"sim-s{seed}-n{customers}");
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="modelFile"/> and its metadata next to it.</summary>
    public static ConversionModelMetadata Save(ConversionModel model, string modelFile, int seed, int customers, DateTimeOffset trainedAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelFile))!);
        var metadata = new ConversionModelMetadata(model.Version, seed, customers, trainedAt, ConversionModel.InputName,
            ConversionModel.OutputName, [.. model.Weights], model.Bias);
        WriteAtomically(modelFile, model.ToOnnx());
        WriteAtomically(MetadataFile(modelFile), JsonSerializer.SerializeToUtf8Bytes(metadata, MetadataJson.Default.ConversionModelMetadata));
        return metadata;
    }

    /// <summary>Reads the metadata of <paramref name="modelFile"/> and the model it describes.</summary>
    /// <exception cref="InvalidDataException">The metadata is unreadable or does not fit the model's shape.</exception>
    public static (ConversionModel Model, ConversionModelMetadata Metadata) Load(string modelFile)
    {
        ConversionModelMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize(File.ReadAllBytes(MetadataFile(modelFile)), MetadataJson.Default.ConversionModelMetadata);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The conversion model metadata '{MetadataFile(modelFile)}' is not valid JSON: {ex.Message}", ex);
        }

        if (metadata is null || string.IsNullOrEmpty(metadata.Version) || metadata.Weights is null || metadata.Weights.Length != ConversionFeatures.Count)
        {
            throw new InvalidDataException(
                $"The conversion model metadata '{MetadataFile(modelFile)}' lacks a version or does not hold {ConversionFeatures.Count} weights.");
        }

        return (new ConversionModel(metadata.Weights, metadata.Bias, metadata.Version), metadata);
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
    [JsonSerializable(typeof(ConversionModelMetadata))]
    private sealed partial class MetadataJson : JsonSerializerContext;
}
