using System.Numerics.Tensors;
using CommerceBrain.Nlu.Models;

namespace CommerceBrain.Nlu.FewShot;

/// <summary>
/// One tenant's run-time intents: each intent is a prototype, the normalised mean of its examples' normalised
/// embeddings (as in prototypical networks). Adding an intent needs no retraining. Not thread-safe on its own;
/// <see cref="TenantIntentHeads"/> guards it.
/// </summary>
public sealed class PrototypeHead(int dimension)
{
    private const int OverheadBytesPerIntent = 96;
    private readonly Dictionary<string, float[]> _prototypes = new(StringComparer.Ordinal);

    /// <summary>Embedding length.</summary>
    public int Dimension { get; } = dimension;

    /// <summary>The intents in this head.</summary>
    public IReadOnlyCollection<string> Intents => _prototypes.Keys;

    /// <summary>Approximate memory held (prototype floats, intent names and bookkeeping).</summary>
    public long ByteSize { get; private set; }

    /// <summary>Adds or replaces an intent from example embeddings.</summary>
    public void Set(string intent, IReadOnlyList<float[]> exampleEmbeddings)
    {
        if (exampleEmbeddings.Count == 0)
        {
            throw new ArgumentException("A few-shot intent needs at least one example.", nameof(exampleEmbeddings));
        }

        var prototype = new float[Dimension];
        foreach (var e in exampleEmbeddings)
        {
            if (e.Length != Dimension)
            {
                throw new ArgumentException($"Embeddings must have length {Dimension}.", nameof(exampleEmbeddings));
            }

            TensorPrimitives.Add(prototype, e, prototype);
        }

        TextEncoder.Normalize(prototype);
        if (_prototypes.Remove(intent))
        {
            ByteSize -= Cost(intent);
        }

        _prototypes[intent] = prototype;
        ByteSize += Cost(intent);
    }

    /// <summary>Removes an intent; returns whether it existed.</summary>
    public bool Remove(string intent)
    {
        if (!_prototypes.Remove(intent))
        {
            return false;
        }

        ByteSize -= Cost(intent);
        return true;
    }

    /// <summary>The most similar intent and its cosine similarity, or null when the head is empty.</summary>
    public (string Intent, float Similarity)? Nearest(ReadOnlySpan<float> embedding)
    {
        (string, float)? best = null;
        foreach (var (intent, prototype) in _prototypes)
        {
            var similarity = TensorPrimitives.Dot(prototype, embedding);
            if (best is null || similarity > best.Value.Item2)
            {
                best = (intent, similarity);
            }
        }

        return best;
    }

    private long Cost(string intent) => BytesPerIntent(Dimension, intent.Length);

    /// <summary>The memory one intent of a head of <paramref name="dimension"/> holds, for a name of <paramref name="nameLength"/> characters.</summary>
    public static long BytesPerIntent(int dimension, int nameLength) => (4L * dimension) + (2L * nameLength) + OverheadBytesPerIntent;
}
