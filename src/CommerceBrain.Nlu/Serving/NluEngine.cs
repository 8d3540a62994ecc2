using System.Collections.Concurrent;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu;
using CommerceBrain.Nlu.Faq;
using CommerceBrain.Nlu.FewShot;
using CommerceBrain.Nlu.Intents;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Onnx;

namespace CommerceBrain.Nlu.Serving;

/// <summary>
/// The loaded models: intent classifier and FAQ matcher (their graphs run through the inference service's
/// micro-batcher when <see cref="NluOptions.UseOnnxRuntime"/> is on) and per-merchant few-shot intents. Thread-safe.
/// </summary>
internal sealed class NluEngine
{
    private static readonly string[] FaqEncoderOutputs = [BagModelOnnx.EmbeddingOutput];
    private readonly IntentClassifier intents;
    private readonly FewShotIntentClassifier fewShot;
    private readonly ISentenceEncoder encoder;
    private readonly TextEncoder faqEncoder;
    private readonly IInferenceService? inference;
    private readonly IGrainFactory grains;
    private readonly Lock merchantGate = new();
    // The stored version each merchant's head in this silo was built from (merchants with run-time intents only).
    private readonly ConcurrentDictionary<string, long> merchantVersions = new(StringComparer.Ordinal);

    private NluEngine(IntentClassifier intents, FewShotIntentClassifier fewShot, ISentenceEncoder encoder, TextEncoder faqEncoder,
        FaqMatcher faq, IInferenceService? inference, IGrainFactory grains, IReadOnlyList<LoadedModel> models)
    {
        this.grains = grains;
        this.intents = intents;
        this.encoder = encoder;
        this.faqEncoder = faqEncoder;
        this.fewShot = fewShot;
        this.inference = inference;
        Faq = faq;
        Models = models;
    }

    public FaqMatcher Faq { get; }

    public IReadOnlyList<LoadedModel> Models { get; }

    public int IntentCount => intents.Model.Labels.Count;

    /// <summary>
    /// Loads both models from <paramref name="paths"/>, indexes the FAQ and, with ONNX Runtime on, publishes both graphs
    /// to the registry so intent predictions and FAQ query encodings share their micro-batchers.
    /// </summary>
    public static NluEngine Load(NluModelPaths paths, NluOptions options, CommerceBrain.Inference.Models.ModelRegistry registry,
        IInferenceService inference, IGrainFactory grains, TimeProvider time)
    {
        var intentManifest = ModelDirectory.ReadManifest(paths.IntentModelDirectory);
        var intentModel = ModelDirectory.LoadIntentModel(paths.IntentModelDirectory);
        var classifier = new IntentClassifier(intentModel, options.OutOfScopeLabel);
        var encoder = ModelDirectory.LoadTextEncoder(paths.FaqEncoderDirectory);
        var encoderManifest = ModelDirectory.ReadManifest(paths.FaqEncoderDirectory);
        var faq = new FaqMatcher(encoder, options.Faq);
        faq.Index(FaqCatalog.Read(paths.FaqFile));
        // Few-shot prototypes live in the intent model's top layer, where texts of one intent already lie close together.
        var sentenceEncoder = new IntentModelEncoder(intentModel);
        var heads = new TenantIntentHeads(sentenceEncoder.Dimension, options.FewShotCapacityBytes);
        var fewShot = new FewShotIntentClassifier(classifier, sentenceEncoder, heads, options.FewShotSimilarityThreshold);
        var mostOneMerchantHolds = options.MaxMerchantIntents * PrototypeHead.BytesPerIntent(sentenceEncoder.Dimension, NluLimits.MaxIntentNameLength);
        if (options.FewShotCapacityBytes < mostOneMerchantHolds)
        {
            throw new ArgumentException(
                $"{NluOptions.Section}:FewShotCapacityBytes ({options.FewShotCapacityBytes}) cannot hold {NluOptions.Section}:MaxMerchantIntents " +
                $"({options.MaxMerchantIntents}) intents of one merchant ({mostOneMerchantHolds} bytes); raise the first or lower the second.");
        }

        var engine = "csharp";
        if (options.UseOnnxRuntime)
        {
            registry.PublishFile(NluModelTrainer.IntentModelName, intentManifest.Version,
                Path.Combine(paths.IntentModelDirectory, ModelDirectory.OnnxFile));
            registry.PublishFile(NluModelTrainer.FaqEncoderName, encoderManifest.Version,
                Path.Combine(paths.FaqEncoderDirectory, ModelDirectory.OnnxFile));
            engine = "onnxruntime";
        }

        var now = time.GetUtcNow();
        LoadedModel[] models =
        [
            new(NluModelTrainer.IntentModelName, intentManifest.Kind, intentManifest.Version, engine, now),
            new(NluModelTrainer.FaqEncoderName, encoderManifest.Kind, encoderManifest.Version, engine, now),
        ];
        return new NluEngine(classifier, fewShot, sentenceEncoder, encoder, faq, options.UseOnnxRuntime ? inference : null, grains, models);
    }

    /// <summary>
    /// Classifies <paramref name="text"/>; a run-time intent of <paramref name="merchant"/> wins when its prototype is
    /// at least the few-shot threshold similar (the same rule as <see cref="FewShotIntentClassifier.Predict"/>).
    /// </summary>
    public async Task<IntentPrediction> PredictAsync(string text, string? merchant, int top, CancellationToken cancellationToken)
    {
        var prediction = inference is null
            ? intents.Predict(text, top)
            : await intents.PredictAsync(inference, NluModelTrainer.IntentModelName, text, top, cancellationToken);
        if (merchant is null)
        {
            return prediction;
        }

        await SyncMerchantAsync(merchant);
        if ( fewShot.Heads.Nearest(merchant, encoder.Encode(text)) is not { } best
            || best.Similarity < fewShot.SimilarityThreshold)
        {
            return prediction;
        }

        IntentScore[] candidates = [new(best.Intent, best.Similarity), .. prediction.Candidates.Take(top - 1)];
        return new IntentPrediction(best.Intent, best.Similarity, false, candidates);
    }

    /// <summary>Matches a question to the FAQ; the query is encoded by the encoder's graph in ONNX Runtime when that is on.</summary>
    public async Task<FaqMatch> MatchFaqAsync(string query, string? merchant, CancellationToken cancellationToken)
    {
        if (inference is null)
        {
            return Faq.Match(query, merchant);
        }

        var request = faqEncoder.Featurizer.ToInferenceRequest(query, FaqEncoderOutputs);
        var result = await inference.InferAsync(NluModelTrainer.FaqEncoderName, request, cancellationToken);
        var embedding = result.Floats(BagModelOnnx.EmbeddingOutput);
        if (!embedding.All(float.IsFinite))
        {
            // Defensive: a NaN would poison the ranking and cannot be written as JSON. The C# encoder returns zeros for
            // a text it cannot normalise, and so do we (no semantic match, BM25 decides).
            Array.Clear(embedding);
        }

        return Faq.MatchEncoded(query, embedding, merchant);
    }

    /// <summary>
    /// Builds this silo's prototype head of a merchant from its stored intents, unless a head of the same or a newer
    /// version is already here.
    /// </summary>
    public void Apply(MerchantIntentSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        // Encoding is the expensive part and needs no lock; only the version check and the swap do.
        var intents = set.Intents
            .Select(i => (i.Name, (IReadOnlyList<float[]>)i.Examples.Where(e => !string.IsNullOrWhiteSpace(e)).Select(encoder.Encode).ToArray()))
            .Where(i => i.Item2.Count > 0)
            .ToArray();
        lock (merchantGate)
        {
            if (merchantVersions.TryGetValue(set.MerchantId, out var held) && held >= set.Version && fewShot.Heads.Contains(set.MerchantId))
            {
                return;
            }

            fewShot.Heads.ReplaceTenant(set.MerchantId, intents);
            merchantVersions[set.MerchantId] = set.Version;
        }
    }

    // Another silo may have changed the merchant's intents, or this silo's LRU evicted its head: ask the merchant's
    // grain, which answers with the intents only when they differ from what is held here.
    private async Task SyncMerchantAsync(string merchant)
    {
        var known = fewShot.Heads.Contains(merchant) && merchantVersions.TryGetValue(merchant, out var version) ? version : 0;
        if (await grains.GetGrain<IMerchantIntentsGrain>(merchant).GetIfChanged(known) is { } set)
        {
            Apply(set);
        }
    }
}
