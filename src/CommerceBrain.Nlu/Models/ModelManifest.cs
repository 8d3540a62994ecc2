using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Models;

/// <summary>
/// model.json: everything besides the weights that a model directory needs to be used — see docs/models.md.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>Manifest format version this code writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Intent classifier kind.</summary>
    public const string IntentClassifierKind = "intent-classifier";

    /// <summary>Text encoder kind (FAQ matcher, few-shot prototypes).</summary>
    public const string TextEncoderKind = "text-encoder";

    /// <summary>Manifest format version.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary><see cref="IntentClassifierKind"/> or <see cref="TextEncoderKind"/>.</summary>
    public string Kind { get; init; } = IntentClassifierKind;

    /// <summary>Content version: the first 16 hex digits of the SHA-256 of model.onnx.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>The featurizer settings (bucket count and hash included).</summary>
    public FeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>Embedding width.</summary>
    public int Dim { get; init; }

    /// <summary>Hidden layer width (0 = none).</summary>
    public int Hidden { get; init; }

    /// <summary>Output width (classes or encoder dimensions).</summary>
    public int Outputs { get; init; }

    /// <summary>Class labels in output order (classifiers).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The explicit out-of-scope class, if any.</summary>
    public string? OosLabel { get; init; }

    /// <summary>Top confidence below which a request is out of scope.</summary>
    public float OosThreshold { get; init; }

    /// <summary>Softmax temperature fitted on validation (already folded into the output layer).</summary>
    public float Temperature { get; init; } = 1;

    /// <summary>ONNX graph inputs.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>ONNX graph outputs.</summary>
    public IReadOnlyList<string> OutputNames { get; init; } = [];

    /// <summary>Validation accuracy measured at training time (classifiers with a validation split).</summary>
    public double? ValidationAccuracy { get; init; }
}
