using System.Buffers;
using System.Numerics.Tensors;
using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu.Models;

namespace CommerceBrain.Nlu.Faq;

/// <summary>
/// One shop's own FAQ, indexed for <see cref="FaqMatcher"/> with the same trained encoder and BM25 as the platform FAQ.
/// Merchants write a question and an answer, no paraphrases, so an entry is found by both: semantically by the
/// closer of the question's embedding and the (down-weighted) answer's, lexically by BM25 over the question (counted
/// <see cref="FaqMatcherOptions.MerchantQuestionRepeat"/> times) and the answer. Immutable once built; thread-safe.
/// </summary>
public sealed class MerchantFaqIndex
{
    private readonly FaqEntry[] _entries;
    private readonly float[] _questions;
    private readonly float[] _answers;
    private readonly Bm25Index _bm25;
    private readonly int _dimension;

    private MerchantFaqIndex(string merchantId, long version, FaqEntry[] entries, float[] questions, float[] answers, Bm25Index bm25,
        int dimension)
    {
        MerchantId = merchantId;
        Version = version;
        _entries = entries;
        _questions = questions;
        _answers = answers;
        _bm25 = bm25;
        _dimension = dimension;
    }

    /// <summary>The shop.</summary>
    public string MerchantId { get; }

    /// <summary>The stored version this index was built from.</summary>
    public long Version { get; }

    /// <summary>The entries (<see cref="FaqEntry.Merchant"/> is the shop; no paraphrases or tags).</summary>
    public IReadOnlyList<FaqEntry> Entries => _entries;

    /// <summary>Number of entries.</summary>
    public int Count => Entries.Count;

    /// <summary>Encodes and indexes a shop's FAQ with <paramref name="encoder"/> (the platform FAQ's encoder).</summary>
    public static MerchantFaqIndex Build(MerchantFaqSet set, TextEncoder encoder, FaqMatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(options);
        var dimension = encoder.Dimension;
        var entries = new FaqEntry[set.Entries.Count];
        var questions = new float[entries.Length * dimension];
        var answers = new float[entries.Length * dimension];
        var bm25 = new Bm25Index(options.K1, options.B);
        var repeat = Math.Max(1, options.MerchantQuestionRepeat);
        for (var i = 0; i < entries.Length; i++)
        {
            var pair = set.Entries[i];
            entries[i] = new FaqEntry(pair.Id, pair.Question, [], pair.Answer, [], set.MerchantId);
            encoder.Encode(pair.Question).CopyTo(questions.AsSpan(i * dimension, dimension));
            encoder.Encode(pair.Answer).CopyTo(answers.AsSpan(i * dimension, dimension));
            bm25.Add(string.Join(' ', Enumerable.Repeat(pair.Question, repeat).Append(pair.Answer)));
        }

        bm25.Freeze();
        return new MerchantFaqIndex(set.MerchantId, set.Version, entries, questions, answers, bm25, dimension);
    }

    /// <summary>
    /// Scores every entry for a query (distinct BM25 <paramref name="queryTerms"/> and unit-length
    /// <paramref name="queryEmbedding"/>) with the platform index as BM25 background, and offers each to <paramref name="top"/>.
    /// </summary>
    internal void Rank(IReadOnlyList<string> queryTerms, ReadOnlySpan<float> queryEmbedding, Bm25Index background, FaqMatcherOptions options, ref TopCandidates top)
    {
        var count = _entries.Length;
        if (count == 0)
        {
            return;
        }

        var lexical = ArrayPool<float>.Shared.Rent(count);
        try
        {
            Array.Clear(lexical, 0, count);
            _bm25.Score(queryTerms, lexical.AsSpan(0, count), 1f, background);
            var w = options.SemanticWeight;
            for (var i = 0; i < count; i++)
            {
                var question = TensorPrimitives.Dot(_questions.AsSpan(i * _dimension, _dimension), queryEmbedding);
                var answer = options.MerchantAnswerSemanticWeight * TensorPrimitives.Dot(_answers.AsSpan(i * _dimension, _dimension), queryEmbedding);
                var semantic = Math.Max(0, Math.Max(question, answer));
                var lex = Math.Min(1, lexical[i]);
                var score = Math.Min(1, w * semantic + (1 - w) * lex + options.MerchantBoost);
                top.Offer(_entries[i], score, semantic, lex);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(lexical);
        }
    }
}
