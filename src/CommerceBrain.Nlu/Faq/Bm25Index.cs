using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Faq;

/// <summary>
/// An inverted index with Okapi BM25 scoring. Terms are the tokenizer's words (each CJK character is a token) plus
/// bigrams of adjacent CJK characters, so Chinese queries match on words, not only single characters. Scores are
/// normalised by the score of a document holding every query term once at average length, so a typical full match scores about 1.
/// </summary>
public sealed class Bm25Index
{
    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly List<List<(int Doc, int Tf)>> _postings = [];
    private (int[] Docs, float[] Weights)[]? _frozen;
    private readonly List<int> _lengths = [];
    private readonly float _k1;
    private readonly float _b;
    private long _totalLength;

    /// <summary>Creates an empty index.</summary>
    public Bm25Index(float k1 = 1.2f, float b = 0.75f)
    {
        _k1 = k1;
        _b = b;
    }

    /// <summary>Number of documents.</summary>
    public int Count => _lengths.Count;

    /// <summary>The BM25 terms of a text.</summary>
    public static List<string> Terms(string? text)
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.Normalize(text), 512);
        var terms = new List<string>(tokens.Count * 2);
        for (var i = 0; i < tokens.Count; i++)
        {
            terms.Add(tokens[i]);
            if (i + 1 < tokens.Count && tokens[i].Length == 1 && tokens[i + 1].Length == 1
                && Tokenizer.IsCjk(tokens[i][0]) && Tokenizer.IsCjk(tokens[i + 1][0]))
            {
                terms.Add(tokens[i] + tokens[i + 1]);
            }
        }

        return terms;
    }

    /// <summary>Adds a document; returns its number (0, 1, …).</summary>
    public int Add(string text)
    {
        _frozen = null;
        var doc = _lengths.Count;
        var terms = Terms(text);
        _lengths.Add(terms.Count);
        _totalLength += terms.Count;
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            if (!_terms.TryGetValue(group.Key, out var id))
            {
                id = _terms.Count;
                _terms.Add(group.Key, id);
                _postings.Add([]);
            }

            _postings[id].Add((doc, group.Count()));
        }

        return doc;
    }

    /// <summary>The distinct BM25 terms of a query, computed once when several indexes score the same query.</summary>
    public static string[] QueryTerms(string? query) => Terms(query).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>In how many documents <paramref name="term"/> occurs.</summary>
    public int DocumentFrequency(string term)
    {
        var frozen = _frozen ?? Freeze();
        return _terms.TryGetValue(term, out var id) ? frozen[id].Docs.Length : 0;
    }

    /// <summary>Adds normalised BM25 scores of <paramref name="query"/> into <paramref name="scores"/> (one slot per document).</summary>
    public void Score(string? query, Span<float> scores, float weight) => Score(QueryTerms(query), scores, weight);

    /// <summary>
    /// Adds normalised BM25 scores of distinct <paramref name="queryTerms"/> into <paramref name="scores"/>. With a
    /// <paramref name="background"/> index the term statistics (document count and frequency) are those of both
    /// together: a small index (one shop's FAQ) then weighs words as the large one does, instead of finding "do" and
    /// "you" as rare as "invoice", and its scores sit on the same scale as the background's own.
    /// </summary>
    public void Score(IReadOnlyList<string> queryTerms, Span<float> scores, float weight, Bm25Index? background = null)
    {
        ArgumentNullException.ThrowIfNull(queryTerms);
        if (Count == 0)
        {
            return;
        }

        var frozen = _frozen ?? Freeze();
        var documents = Count + (background?.Count ?? 0);
        var idfOfUnseen = Math.Log(1 + (documents + 0.5) / 0.5);
        double best = 0;
        Span<(int Term, double Idf)> matched = queryTerms.Count <= 64 ? stackalloc (int, double)[queryTerms.Count] : new (int, double)[queryTerms.Count];
        var matchedCount = 0;
        foreach (var term in queryTerms)
        {
            var own = _terms.TryGetValue(term, out var id);
            var df = (own ? frozen[id].Docs.Length : 0) + (background?.DocumentFrequency(term) ?? 0);
            if (df == 0)
            {
                best += idfOfUnseen;
                continue;
            }

            var idf = Math.Log(1 + (documents - df + 0.5) / (df + 0.5));
            best += idf;
            if (own)
            {
                matched[matchedCount++] = (id, idf);
            }
        }

        if (best <= 0)
        {
            return;
        }

        var scale = weight / best;
        foreach (var (term, idf) in matched[..matchedCount])
        {
            var (docs, weights) = frozen[term];
            var factor = (float)(idf * scale);
            for (var i = 0; i < docs.Length; i++)
            {
                scores[docs[i]] += weights[i] * factor;
            }
        }
    }

    /// <summary>
    /// Turns the postings into arrays holding each (term, document) BM25 term-frequency part, so a query only
    /// multiplies by the term's idf. Called once after the last <see cref="Add"/>; later adds rebuild it.
    /// </summary>
    public (int[] Docs, float[] Weights)[] Freeze()
    {
        lock (_postings)
        {
            if (_frozen is { } done)
            {
                return done;
            }

            var average = Math.Max(1.0, (double)_totalLength / Math.Max(1, Count));
            var frozen = new (int[] Docs, float[] Weights)[_postings.Count];
            for (var t = 0; t < _postings.Count; t++)
            {
                var postings = _postings[t];
                var docs = new int[postings.Count];
                var weights = new float[postings.Count];
                for (var i = 0; i < postings.Count; i++)
                {
                    var (doc, tf) = postings[i];
                    docs[i] = doc;
                    weights[i] = (float)(tf * (_k1 + 1) / (tf + _k1 * (1 - _b + _b * _lengths[doc] / average)));
                }

                frozen[t] = (docs, weights);
            }

            _frozen = frozen;
            return frozen;
        }
    }
}
