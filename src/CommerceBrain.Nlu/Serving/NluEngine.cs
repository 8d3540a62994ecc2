using System.Collections.Concurrent;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu;
using CommerceBrain.Nlu.Entities;
using CommerceBrain.Nlu.Faq;
using CommerceBrain.Nlu.FewShot;
using CommerceBrain.Nlu.Intents;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Onnx;
using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Serving;

/// <summary>
/// The loaded models: intent classifier and FAQ matcher (their graphs run through the inference service's
/// micro-batcher when <see cref="NluOptions.UseOnnxRuntime"/> is on) and per-merchant few-shot intents. Thread-safe.
/// </summary>
internal sealed class NluEngine
{
    private const int UnderstandingCandidates = 3;
    private static readonly string[] FaqEncoderOutputs = [BagModelOnnx.EmbeddingOutput];
    private static readonly string[] EntityKindNames = Enum.GetNames<EntityKind>();
    private readonly IntentClassifier intents;
    private readonly FewShotIntentClassifier fewShot;
    private readonly ISentenceEncoder encoder;
    private readonly TextEncoder faqEncoder;
    private readonly IInferenceService? inference;
    private readonly IGrainFactory grains;
    private readonly Lock merchantGate = new();
    // The stored version each merchant's head in this silo was built from (merchants with run-time intents only).
    private readonly ConcurrentDictionary<string, long> merchantVersions = new(StringComparer.Ordinal);
    private readonly MerchantFaqIndexCache shopFaqs;

    private NluEngine(IntentClassifier intents, FewShotIntentClassifier fewShot, ISentenceEncoder encoder, TextEncoder faqEncoder,
        FaqMatcher faq, IInferenceService? inference, IGrainFactory grains, IReadOnlyList<LoadedModel> models, int shopFaqCapacity)
    {
        shopFaqs = new MerchantFaqIndexCache(shopFaqCapacity);
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
        return new NluEngine(classifier, fewShot, sentenceEncoder, encoder, faq, options.UseOnnxRuntime ? inference : null, grains, models,
            options.MerchantFaqCapacityEntries);
    }

    /// <summary>
    /// Classifies <paramref name="text"/>; a run-time intent of <paramref name="merchant"/> wins when its prototype is
    /// at least the few-shot threshold similar (the same rule as <see cref="FewShotIntentClassifier.Predict"/>).
    /// </summary>
    public async Task<IntentPrediction> PredictAsync(string text, string? merchant, int top, CancellationToken cancellationToken)
    {
        // The merchant's version check (a grain call) runs while the model does.
        var sync = merchant is null ? Task.CompletedTask : SyncMerchantAsync(merchant);
        var prediction = inference is null
            ? intents.Predict(text, top)
            : await intents.PredictAsync(inference, NluModelTrainer.IntentModelName, text, top, cancellationToken).ConfigureAwait(false);
        await sync.ConfigureAwait(false);
        if (merchant is null
            || !fewShot.Heads.Contains(merchant)
            || fewShot.Heads.Nearest(merchant, encoder.Encode(text)) is not { } best
            || best.Similarity < fewShot.SimilarityThreshold)
        {
            return prediction;
        }

        var candidates = new IntentScore[Math.Min(top, prediction.Candidates.Count + 1)];
        candidates[0] = new IntentScore(best.Intent, best.Similarity);
        for (var i = 1; i < candidates.Length; i++)
        {
            candidates[i] = prediction.Candidates[i - 1];
        }

        return new IntentPrediction(best.Intent, best.Similarity, false, candidates);
    }

    /// <summary>
    /// Matches a question to the platform FAQ and, with <paramref name="merchant"/>, that shop's own FAQ, ranked together;
    /// the query is encoded by the encoder's graph in ONNX Runtime when that is on.
    /// </summary>
    public async Task<FaqMatch> MatchFaqAsync(string query, string? merchant, CancellationToken cancellationToken)
    {
        var shop = merchant is null ? null : ShopFaqAsync(merchant);
        float[] embedding;
        if (inference is null)
        {
            embedding = faqEncoder.Encode(query);
        }
        else
        {
            var request = faqEncoder.Featurizer.ToInferenceRequest(query, FaqEncoderOutputs);
            var result = await inference.InferAsync(NluModelTrainer.FaqEncoderName, request, cancellationToken).ConfigureAwait(false);
            embedding = result.Floats(BagModelOnnx.EmbeddingOutput);
            if (!embedding.All(float.IsFinite))
            {
                // Defensive: a NaN would poison the ranking and cannot be written as JSON. The C# encoder returns zeros for
                // a text it cannot normalise, and so do we (no semantic match, BM25 decides).
                Array.Clear(embedding);
            }
        }

        return Faq.MatchEncoded(query, embedding, merchant, shop is null ? null : await shop.ConfigureAwait(false));
    }

    /// <summary>
    /// Intent (with the merchant's run-time intents, top 3), FAQ match (platform and shop ranked together), entities
    /// and language of one text: intent and FAQ run at the same time, each through its model's micro-batcher.
    /// </summary>
    public async Task<Understanding> UnderstandAsync(string text, string? merchant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var activity = NluTelemetry.ActivitySource.StartActivity("nlu.understand");
        var intentTask = PredictAsync(text, merchant, UnderstandingCandidates, cancellationToken);
        var faqTask = MatchFaqAsync(text, merchant, cancellationToken);
        // Rules need no model: they run while the models do.
        var spans = EntityExtractor.Extract(text);
        var entities = spans.Count == 0 ? [] : new FoundEntity[spans.Count];
        for (var i = 0; i < entities.Length; i++)
        {
            var e = spans[i];
            entities[i] = new FoundEntity(EntityKindNames[(int)e.Kind], e.Text, e.Value, e.Start, e.Length);
        }

        var language = LanguageDetector.Detect(text);
        IntentPrediction prediction;
        FaqMatch match;
        try
        {
            prediction = await intentTask.ConfigureAwait(false);
        }
        finally
        {
            // Observed either way, so a failure of both never goes unobserved.
            match = await faqTask.ConfigureAwait(false);
        }

        var guesses = new IntentGuess[prediction.Candidates.Count];
        for (var i = 0; i < guesses.Length; i++)
        {
            guesses[i] = new IntentGuess(prediction.Candidates[i].Intent, prediction.Candidates[i].Confidence);
        }

        var hits = new FaqHit[match.Candidates.Count];
        for (var i = 0; i < hits.Length; i++)
        {
            var c = match.Candidates[i];
            hits[i] = new FaqHit(c.Entry.Id, c.Entry.Question, c.Entry.Answer, c.Score, c.Entry.Merchant);
        }

        var verdict = match.Decision switch
        {
            FaqDecision.Answer => FaqVerdict.Answer,
            FaqDecision.Clarify => FaqVerdict.Clarify,
            _ => FaqVerdict.NoMatch,
        };
        NluTelemetry.Understandings.Add(1);
        return new Understanding(prediction.Intent, prediction.Confidence, prediction.IsOutOfScope, guesses, verdict, match.Confidence,
            hits, entities, language);
    }

    /// <summary>
    /// Indexes a shop's stored FAQ in this silo, unless the same or a newer version is already indexed here.
    /// </summary>
    public MerchantFaqIndex Apply(MerchantFaqSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (shopFaqs.Get(set.MerchantId) is { } held && held.Version >= set.Version)
        {
            return held;
        }

        var index = MerchantFaqIndex.Build(set, Faq.Encoder, Faq.Options);
        shopFaqs.Put(index);
        return index;
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

    // Another silo may have replaced the shop's FAQ, or this silo's cache evicted it: ask the shop's grain, which answers
    // with the FAQ only when its version differs from the one indexed here.
    private async Task<MerchantFaqIndex?> ShopFaqAsync(string merchant)
    {
        var held = shopFaqs.Get(merchant);
        var set = await grains.GetGrain<IMerchantFaqGrain>(merchant).GetIfChanged(held?.Version ?? 0).ConfigureAwait(false);
        return set is null ? held : Apply(set);
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
