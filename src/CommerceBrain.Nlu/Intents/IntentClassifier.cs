using CommerceBrain.Inference;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Onnx;

namespace CommerceBrain.Nlu.Intents;

/// <summary>
/// Predicts intents with top-k calibrated confidences and out-of-scope detection: a request is out of scope when the
/// top class is the model's explicit OOS class or the top confidence is below the model's threshold. Runs the C#
/// forward pass, or ONNX Runtime when created with a session (batches go through one <c>Run</c>).
/// </summary>
public sealed class IntentClassifier : IDisposable
{
    private readonly OnnxSession? _session;

    /// <summary>Wraps a trained model; <paramref name="session"/> (owned) runs the exported graph when given.</summary>
    public IntentClassifier(IntentModel model, string outOfScopeLabel = "oos", OnnxSession? session = null)
    {
        Model = model;
        OutOfScopeLabel = model.OosLabel ?? outOfScopeLabel;
        _session = session;
    }

    /// <summary>The model.</summary>
    public IntentModel Model { get; }

    /// <summary>The label reported for out-of-scope requests.</summary>
    public string OutOfScopeLabel { get; }

    /// <summary>True when predictions run through ONNX Runtime.</summary>
    public bool UsesOnnxRuntime => _session is not null;

    /// <summary>
    /// Loads a model directory; with <paramref name="useOnnxRuntime"/> the exported graph runs in ONNX Runtime
    /// (throws <see cref="OnnxRuntimeNotFoundException"/> when the native library is unavailable).
    /// </summary>
    public static IntentClassifier Load(string directory, bool useOnnxRuntime = false, string outOfScopeLabel = "oos")
    {
        var model = ModelDirectory.LoadIntentModel(directory);
        var session = useOnnxRuntime ? OnnxSession.FromFile(Path.Combine(directory, ModelDirectory.OnnxFile)) : null;
        return new IntentClassifier(model, outOfScopeLabel, session);
    }

    /// <summary>Classifies one text.</summary>
    public IntentPrediction Predict(string? text, int topK = 3) => PredictBatch([text], topK)[0];

    /// <summary>Classifies several texts.</summary>
    public IReadOnlyList<IntentPrediction> PredictBatch(IReadOnlyList<string?> texts, int topK = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        using var activity = NluTelemetry.ActivitySource.StartActivity("nlu.intent.predict");
        activity?.SetTag("nlu.batch_size", texts.Count);
        var probabilities = Probabilities(texts);
        var predictions = probabilities.Select(p => Decide(p, topK)).ToArray();
        var engine = new KeyValuePair<string, object?>("engine", UsesOnnxRuntime ? "onnxruntime" : "csharp");
        NluTelemetry.IntentPredictions.Add(texts.Count, engine);
        NluTelemetry.OutOfScope.Add(predictions.Count(p => p.IsOutOfScope), engine);
        return predictions;
    }

    /// <summary>Calibrated class probabilities for each text (label order = <see cref="IntentModel.Labels"/>).</summary>
    public float[][] Probabilities(IReadOnlyList<string?> texts)
    {
        if (_session is null)
        {
            return texts.Select(Model.Probabilities).ToArray();
        }

        var batch = BagBatch.Create(texts.Select(Model.Featurizer.Featurize).ToArray());
        var output = _session.Run(batch.ToInputs(), [BagModelOnnx.ProbabilitiesOutput])[0].AsFloats();
        var classes = Model.Labels.Count;
        return Enumerable.Range(0, texts.Count).Select(i => output.AsSpan(i * classes, classes).ToArray()).ToArray();
    }

    /// <summary>Applies the top-k and out-of-scope rule to one probability vector.</summary>
    public IntentPrediction Decide(float[] probabilities, int topK = 3)
    {
        var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i).ToArray();
        var candidates = order.Take(topK).Select(i => new IntentScore(Model.Labels[i], probabilities[i])).ToArray();
        var top = order[0];
        var topLabel = Model.Labels[top];
        var outOfScope = topLabel == Model.OosLabel || probabilities[top] < Model.OosThreshold;
        return outOfScope
            ? new IntentPrediction(OutOfScopeLabel, topLabel == Model.OosLabel ? probabilities[top] : 1 - probabilities[top], true, candidates)
            : new IntentPrediction(topLabel, probabilities[top], false, candidates);
    }

    /// <inheritdoc />
    public void Dispose() => _session?.Dispose();
}
