using System.Buffers;
using System.Numerics.Tensors;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Faq;

/// <summary>
/// Matches customer questions to FAQ entries by fusing a dual encoder (cosine of the query with each entry's centroid
/// of question and paraphrase embeddings, computed with SIMD) with BM25 over the entry's question, paraphrases and
/// tags. Filters by merchant scope (global entries plus the query merchant's own) and decides Answer / Clarify /
/// NoMatch. Build once with <see cref="Index"/>, then query from any number of threads.
/// </summary>
public sealed class FaqMatcher
{
    private readonly TextEncoder _encoder;
    private FaqEntry[] _entries = [];
    private float[] _centroids = [];
    private int[] _merchantOf = [];
    private Dictionary<string, int> _merchantIds = new(StringComparer.Ordinal);
    private Bm25Index _bm25;

    /// <summary>Creates an empty matcher around an encoder.</summary>
    public FaqMatcher(TextEncoder encoder, FaqMatcherOptions? options = null)
    {
        _encoder = encoder;
        Options = options ?? new FaqMatcherOptions();
        _bm25 = new Bm25Index(Options.K1, Options.B);
    }

    /// <summary>The fusion and decision settings.</summary>
    public FaqMatcherOptions Options { get; }

    /// <summary>Number of indexed entries.</summary>
    public int Count => _entries.Length;

    /// <summary>Replaces the index with <paramref name="entries"/> (encoding runs on all cores). Ids must be unique.</summary>
    public void Index(IReadOnlyList<FaqEntry> entries)
    {
        var duplicate = entries.GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"FAQ entry id '{duplicate.Key}' appears more than once.", nameof(entries));
        }

        var dim = _encoder.Dimension;
        var centroids = new float[entries.Count * dim];
        Parallel.For(0, entries.Count, i =>
        {
            var centroid = centroids.AsSpan(i * dim, dim);
            var e = entries[i];
            TensorPrimitives.Add(centroid, _encoder.Encode(e.Question), centroid);
            foreach (var p in e.Paraphrases)
            {
                TensorPrimitives.Add(centroid, _encoder.Encode(p), centroid);
            }

            TextEncoder.Normalize(centroid);
        });

        var bm25 = new Bm25Index(Options.K1, Options.B);
        var merchants = new Dictionary<string, int>(StringComparer.Ordinal);
        var merchantOf = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            bm25.Add(string.Join(' ', [e.Question, .. e.Paraphrases, .. e.Tags]));
            if (e.Merchant is { } m)
            {
                if (!merchants.TryGetValue(m, out var id))
                {
                    id = merchants.Count + 1;
                    merchants.Add(m, id);
                }

                merchantOf[i] = id;
            }
        }

        bm25.Freeze();

        // Publish all parts together; readers take one consistent snapshot of the fields.
        (_entries, _centroids, _merchantOf, _merchantIds, _bm25) = ([.. entries], centroids, merchantOf, merchants, bm25);
    }

    /// <summary>Ranks entries visible to <paramref name="merchant"/> (null = only global entries) for <paramref name="query"/>.</summary>
    public FaqMatch Match(string? query, string? merchant = null, int topK = 5) =>
        MatchEncoded(query, _encoder.Encode(query), merchant, topK);

    /// <summary>
    /// Like <see cref="Match"/> with the query's unit-length embedding computed elsewhere (e.g. the encoder's graph in
    /// ONNX Runtime through a micro-batcher); <paramref name="queryEmbedding"/> must have the encoder's dimension.
    /// </summary>
    public FaqMatch MatchEncoded(string? query, float[] queryEmbedding, string? merchant = null, int topK = 5) =>
        MatchEncoded(query, queryEmbedding, merchant, null, topK);

    /// <summary>
    /// Ranks the platform entries visible to <paramref name="merchant"/> together with the shop's own FAQ
    /// (<paramref name="shop"/>, built with this matcher's encoder) on one scale: BM25 of the shop's entries uses the
    /// platform index's term statistics, and a shop entry gets <see cref="FaqMatcherOptions.MerchantBoost"/> because in
    /// that shop's chat its own answer is the more specific one when both fit.
    /// </summary>
    public FaqMatch MatchEncoded(string? query, float[] queryEmbedding, string? merchant, MerchantFaqIndex? shop, int topK = 5)
    {
        ArgumentNullException.ThrowIfNull(queryEmbedding);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        if (queryEmbedding.Length != _encoder.Dimension)
        {
            throw new ArgumentException($"The query embedding has {queryEmbedding.Length} values; the encoder's dimension is {_encoder.Dimension}.", nameof(queryEmbedding));
        }

        var (entries, centroids, merchantOf, merchantIds, bm25) = (_entries, _centroids, _merchantOf, _merchantIds, _bm25);
        if (entries.Length == 0 && (shop is null || shop.Count == 0))
        {
            return new FaqMatch(FaqDecision.NoMatch, 0, []);
        }

        var scope = merchant is not null && merchantIds.TryGetValue(merchant, out var id) ? id : 0;
        var terms = Bm25Index.QueryTerms(query);
        var top = new TopCandidates(topK);
        if (entries.Length > 0)
        {
            // Pooled: 100,000 entries need 800 KB of scratch per query, which would otherwise land on the large-object heap.
            var lexical = ArrayPool<float>.Shared.Rent(entries.Length);
            try
            {
                Rank(terms, entries, centroids, merchantOf, bm25, scope, queryEmbedding, lexical, ref top);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(lexical);
            }
        }

        if (shop is not null && (merchant is null || string.Equals(shop.MerchantId, merchant, StringComparison.Ordinal)))
        {
            shop.Rank(terms, queryEmbedding, bm25, Options, ref top);
        }

        var candidates = top.ToArray();
        var decision = Decide(candidates);
        NluTelemetry.FaqQueries.Add(1, new KeyValuePair<string, object?>("decision", decision.ToString()));
        return new FaqMatch(decision, candidates.Length > 0 ? candidates[0].Score : 0, candidates);
    }

    private void Rank(string[] terms, FaqEntry[] entries, float[] centroids, int[] merchantOf, Bm25Index bm25,
        int scope, float[] q, float[] lexical, ref TopCandidates top)
    {
        var dim = _encoder.Dimension;
        Array.Clear(lexical, 0, entries.Length);
        bm25.Score(terms, lexical.AsSpan(0, entries.Length), 1f);
        var w = Options.SemanticWeight;
        for (var i = 0; i < entries.Length; i++)
        {
            if (merchantOf[i] != 0 && merchantOf[i] != scope)
            {
                continue;
            }

            var semantic = Math.Max(0, TensorPrimitives.Dot(centroids.AsSpan(i * dim, dim), q));
            var lex = Math.Min(1, lexical[i]);
            top.Offer(entries[i], w * semantic + (1 - w) * lex, semantic, lex);
        }
    }

    /// <summary>The build-time encoder (shop FAQs must be indexed with it).</summary>
    public TextEncoder Encoder => _encoder;

    private FaqDecision Decide(FaqCandidate[] candidates)
    {
        if (candidates.Length == 0 || candidates[0].Score < Options.ClarifyThreshold)
        {
            return FaqDecision.NoMatch;
        }

        var close = candidates.Length > 1 && candidates[0].Score - candidates[1].Score < Options.ClarifyMargin;
        return candidates[0].Score >= Options.AnswerThreshold && !close ? FaqDecision.Answer : FaqDecision.Clarify;
    }
}
