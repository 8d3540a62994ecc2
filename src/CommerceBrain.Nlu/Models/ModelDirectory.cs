using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommerceBrain.Nlu.Onnx;

namespace CommerceBrain.Nlu.Models;

/// <summary>
/// A model on disk: a directory with <c>model.onnx</c> (graph and weights) and <c>model.json</c>
/// (<see cref="ModelManifest"/>). Loading validates both and raises clear exceptions.
/// </summary>
public static class ModelDirectory
{
    /// <summary>The weights file.</summary>
    public const string OnnxFile = "model.onnx";

    /// <summary>The manifest file.</summary>
    public const string ManifestFile = "model.json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes an intent classifier; returns the manifest written.</summary>
    public static ModelManifest SaveIntentModel(IntentModel model, string directory, double? validationAccuracy = null)
    {
        Directory.CreateDirectory(directory);
        var onnxPath = Path.Combine(directory, OnnxFile);
        using (var stream = new FileStream(onnxPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            BagModelOnnx.WriteClassifier(model.Network, stream, "CommerceBrain intent classifier: " + string.Join(", ", model.Labels.Take(5)));
        }

        var manifest = new ModelManifest
        {
            Kind = ModelManifest.IntentClassifierKind,
            Version = ContentVersion(onnxPath),
            Featurizer = model.Featurizer.Options,
            Dim = model.Network.Dim,
            Hidden = model.Network.Hidden,
            Outputs = model.Network.Outputs,
            Labels = model.Labels,
            OosLabel = model.OosLabel,
            OosThreshold = model.OosThreshold,
            Temperature = model.Temperature,
            Inputs = [BagModelOnnx.IdsInput, BagModelOnnx.WeightsInput],
            OutputNames = [BagModelOnnx.ProbabilitiesOutput, BagModelOnnx.EmbeddingOutput],
            ValidationAccuracy = validationAccuracy,
        };
        File.WriteAllText(Path.Combine(directory, ManifestFile), JsonSerializer.Serialize(manifest, Json));
        return manifest;
    }

    /// <summary>Writes a text encoder; returns the manifest written.</summary>
    public static ModelManifest SaveTextEncoder(TextEncoder encoder, string directory)
    {
        Directory.CreateDirectory(directory);
        var onnxPath = Path.Combine(directory, OnnxFile);
        using (var stream = new FileStream(onnxPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            BagModelOnnx.WriteEncoder(encoder.Network, stream, "CommerceBrain text encoder");
        }

        var manifest = new ModelManifest
        {
            Kind = ModelManifest.TextEncoderKind,
            Version = ContentVersion(onnxPath),
            Featurizer = encoder.Featurizer.Options,
            Dim = encoder.Network.Dim,
            Hidden = encoder.Network.Hidden,
            Outputs = encoder.Network.Outputs,
            Inputs = [BagModelOnnx.IdsInput, BagModelOnnx.WeightsInput],
            OutputNames = [BagModelOnnx.EmbeddingOutput],
        };
        File.WriteAllText(Path.Combine(directory, ManifestFile), JsonSerializer.Serialize(manifest, Json));
        return manifest;
    }

    /// <summary>Loads a text encoder; missing or damaged files raise clear exceptions.</summary>
    public static TextEncoder LoadTextEncoder(string directory)
    {
        var manifest = ReadManifest(directory);
        if (manifest.Kind != ModelManifest.TextEncoderKind)
        {
            throw new InvalidDataException($"'{directory}' holds a {manifest.Kind}, not a {ModelManifest.TextEncoderKind}.");
        }

        return new TextEncoder(ReadNetwork(directory, manifest), manifest.Featurizer);
    }

    /// <summary>Reads and validates the manifest of a model directory.</summary>
    public static ModelManifest ReadManifest(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Model directory '{directory}' does not exist.");
        }

        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{directory}' is not a model directory: {ManifestFile} is missing.", path);
        }

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid model manifest: {e.Message}", e);
        }

        if (manifest is null || manifest.Format != ModelManifest.CurrentFormat)
        {
            throw new InvalidDataException($"'{path}' has an unsupported manifest format (expected {ModelManifest.CurrentFormat}).");
        }

        try
        {
            manifest.Featurizer.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"'{path}' has invalid featurizer settings: {e.Message}", e);
        }

        if (manifest.Dim < 1 || manifest.Hidden < 0 || manifest.Outputs < 1)
        {
            throw new InvalidDataException($"'{path}' has invalid network dimensions.");
        }

        return manifest;
    }

    /// <summary>Loads an intent classifier; missing or damaged files raise clear exceptions.</summary>
    public static IntentModel LoadIntentModel(string directory)
    {
        var manifest = ReadManifest(directory);
        if (manifest.Kind != ModelManifest.IntentClassifierKind)
        {
            throw new InvalidDataException($"'{directory}' holds a {manifest.Kind}, not an {ModelManifest.IntentClassifierKind}.");
        }

        if (manifest.Labels.Count != manifest.Outputs)
        {
            throw new InvalidDataException($"'{directory}': model.json lists {manifest.Labels.Count} labels for {manifest.Outputs} outputs.");
        }

        var network = ReadNetwork(directory, manifest);
        return new IntentModel(network, manifest.Featurizer, manifest.Labels, manifest.OosLabel, manifest.OosThreshold, manifest.Temperature);
    }

    internal static BagModel ReadNetwork(string directory, ModelManifest manifest)
    {
        var onnx = OnnxModelReader.Read(Path.Combine(directory, OnnxFile));
        return BagModelOnnx.Read(onnx, manifest.Featurizer.Buckets, manifest.Dim, manifest.Hidden, manifest.Outputs);
    }

    internal static string ContentVersion(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
    }
}
