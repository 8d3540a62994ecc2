using CommerceBrain.Nlu.Intents;
using CommerceBrain.Nlu.Models;

namespace CommerceBrain.Nlu.FewShot;

/// <summary>
/// The base intent classifier plus per-tenant intents added at run time from 5–10 examples. A tenant's run-time
/// intent wins when the request's embedding is at least <see cref="SimilarityThreshold"/> similar to its prototype
/// (the merchant asked for it explicitly); otherwise the base model's prediction (with its OOS rule) stands.
/// </summary>
public sealed class FewShotIntentClassifier(IntentClassifier baseClassifier, ISentenceEncoder encoder, TenantIntentHeads heads,
    float similarityThreshold = 0.75f)
{
    /// <summary>Cosine similarity a run-time intent needs to win.</summary>
    public float SimilarityThreshold { get; } = similarityThreshold;

    /// <summary>The tenant heads.</summary>
    public TenantIntentHeads Heads { get; } = heads;

    /// <summary>Adds (or replaces) a run-time intent for <paramref name="tenant"/>; no retraining.</summary>
    public void AddIntent(string tenant, string intent, IReadOnlyList<string> examples)
    {
        if (examples.Count == 0 || examples.All(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A few-shot intent needs at least one non-empty example.", nameof(examples));
        }

        Heads.SetIntent(tenant, intent, examples.Where(e => !string.IsNullOrWhiteSpace(e)).Select(encoder.Encode).ToArray());
    }

    /// <summary>Classifies a request of <paramref name="tenant"/> (null = no tenant intents).</summary>
    public IntentPrediction Predict(string? tenant, string? text, int topK = 3)
    {
        var prediction = baseClassifier.Predict(text, topK);
        if (tenant is null)
        {
            return prediction;
        }

        var nearest = Heads.Nearest(tenant, encoder.Encode(text));
        if (nearest is not { } best || best.Similarity < SimilarityThreshold)
        {
            return prediction;
        }

        var candidates = new List<IntentScore> { new(best.Intent, best.Similarity) };
        candidates.AddRange(prediction.Candidates.Take(topK - 1));
        return new IntentPrediction(best.Intent, best.Similarity, false, candidates);
    }
}
