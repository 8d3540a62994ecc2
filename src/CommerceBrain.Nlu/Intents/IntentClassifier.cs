using CommerceBrain.Inference;
using CommerceBrain.Inference.Contracts;
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
    private static readonly string[] ProbabilitiesOnly = [BagModelOnnx.ProbabilitiesOutput];
    private static readonly KeyValuePair<string, object?> OnnxEngine = new("engine", "onnxruntime");
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

    /// <summary>
    /// Classifies one text through CommerceBrain.Inference: the text is featurized here and the exported graph of this
    /// model, published as <paramref name="model"/>, runs in the service's micro-batcher together with other callers'
    /// requests. Use this from many concurrent callers (grains, request handlers) for throughput.
    /// </summary>
    /// <exception cref="ModelNotFoundException">No model of that name is published.</exception>
    public async Task<IntentPrediction> PredictAsync(IInferenceService inference, string model, string? text, int topK = 3,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inference);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        using var activity = NluTelemetry.ActivitySource.StartActivity("nlu.intent.predict_async");
        activity?.SetTag("nlu.model", model);
        var request = Model.Featurizer.ToInferenceRequest(text, ProbabilitiesOnly);
        var result = await inference.InferAsync(model, request, cancellationToken).ConfigureAwait(false);
        var probabilities = result.Floats(BagModelOnnx.ProbabilitiesOutput);
        if (probabilities.Length != Model.Labels.Count)
        {
            throw new InvalidOperationException(
                $"Model '{model}' returned {probabilities.Length} probabilities, but this classifier has {Model.Labels.Count} labels; publish the matching model.onnx.");
        }

        var prediction = Decide(probabilities, topK);
        NluTelemetry.IntentPredictions.Add(1, OnnxEngine);
        if (prediction.IsOutOfScope)
        {
            NluTelemetry.OutOfScope.Add(1, OnnxEngine);
        }

        return prediction;
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
        // Partial selection of the top k (highest first, ties by label order): no full sort per request.
        var k = Math.Min(topK, probabilities.Length);
        Span<int> best = stackalloc int[k];
        var count = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            if (count == k && p <= probabilities[best[k - 1]])
            {
                continue;
            }

            var at = count < k ? count++ : k - 1;
            while (at > 0 && probabilities[best[at - 1]] < p)
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = i;
        }

        var candidates = new IntentScore[k];
        for (var i = 0; i < k; i++)
        {
            candidates[i] = new IntentScore(Model.Labels[best[i]], probabilities[best[i]]);
        }

        var top = best[0];
        var topLabel = Model.Labels[top];
        var outOfScope = topLabel == Model.OosLabel || probabilities[top] < Model.OosThreshold;
        return outOfScope
            ? new IntentPrediction(OutOfScopeLabel, topLabel == Model.OosLabel ? probabilities[top] : 1 - probabilities[top], true, candidates)
            : new IntentPrediction(topLabel, probabilities[top], false, candidates);
    }

    /// <inheritdoc />
    public void Dispose() => _session?.Dispose();
}
