using System.Text;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// Token overlap between two questions: lower-cased Latin words (no stop words) and Chinese character bigrams, compared
/// with the Jaccard index in [0, 1]. Chosen over the NLU encoder for the learned answers because it needs no model (the
/// index works while models load and on every silo alike), is deterministic, and short customer questions about the
/// same thing share their content words.
/// </summary>
public static class TextSimilarity
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "i", "my", "me", "you", "your", "is", "are", "was", "be", "to", "of", "and", "or", "it", "in", "on",
        "for", "do", "does", "did", "can", "could", "please", "what", "how", "when", "where", "why", "this", "that", "with",
        "hi", "hello", "thanks", "thank", "we", "our", "will", "would", "have", "has", "am", "not", "so", "at", "by",
    };

    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static HashSet<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        var han = new StringBuilder();
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (IsCjk(c))
            {
                Flush(word, tokens);
                han.Append(c);
                continue;
            }

            FlushHan(han, tokens);
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                Flush(word, tokens);
            }
        }

        Flush(word, tokens);
        FlushHan(han, tokens);
        return tokens;
    }

    /// <summary>The Jaccard index of the two token sets (0 when either is empty).</summary>
    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static void Flush(StringBuilder word, HashSet<string> tokens)
    {
        if (word.Length > 1)
        {
            var w = word.ToString();
            if (!StopWords.Contains(w))
            {
                // A crude plural fold so "refunds" meets "refund".
                tokens.Add(w.Length > 3 && w[^1] == 's' && w[^2] != 's' ? w[..^1] : w);
            }
        }

        word.Clear();
    }

    private static void FlushHan(StringBuilder han, HashSet<string> tokens)
    {
        if (han.Length == 1)
        {
            tokens.Add(han.ToString());
        }

        for (var i = 0; i + 1 < han.Length; i++)
        {
            tokens.Add(string.Concat(han[i].ToString(), han[i + 1].ToString()));
        }

        han.Clear();
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}
