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

    /// <summary>Adds normalised BM25 scores of <paramref name="query"/> into <paramref name="scores"/> (one slot per document).</summary>
    public void Score(string? query, Span<float> scores, float weight)
    {
        if (Count == 0)
        {
            return;
        }

        var average = Math.Max(1.0, (double)_totalLength / Count);
        var queryTerms = Terms(query).Distinct(StringComparer.Ordinal).ToList();
        double best = 0;
        var matched = new List<(List<(int Doc, int Tf)> Postings, double Idf)>();
        foreach (var term in queryTerms)
        {
            var idfOfUnseen = Math.Log(1 + (Count + 0.5) / 0.5);
            if (!_terms.TryGetValue(term, out var id))
            {
                best += idfOfUnseen;
                continue;
            }

            var postings = _postings[id];
            var idf = Math.Log(1 + (Count - postings.Count + 0.5) / (postings.Count + 0.5));
            best += idf;
            matched.Add((postings, idf));
        }

        if (best <= 0)
        {
            return;
        }

        var scale = weight / best;
        foreach (var (postings, idf) in matched)
        {
            foreach (var (doc, tf) in postings)
            {
                var norm = _k1 * (1 - _b + _b * _lengths[doc] / average);
                scores[doc] += (float)(idf * tf * (_k1 + 1) / (tf + norm) * scale);
            }
        }
    }
}
