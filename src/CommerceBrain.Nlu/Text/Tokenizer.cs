using System.Text;

namespace CommerceBrain.Nlu.Text;

/// <summary>
/// Splits normalised text into word tokens: runs of letters and digits for alphabetic scripts (internal apostrophes
/// dropped, decimal separators between digits kept), one token per CJK character, currency signs as their own
/// tokens; other punctuation separates tokens and is dropped.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenises already normalised text (see <see cref="TextNormalizer"/>), stopping after <paramref name="maxTokens"/>.</summary>
    public static List<string> Tokenize(string normalized, int maxTokens = int.MaxValue)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        var text = normalized.AsSpan();
        for (var i = 0; i < text.Length && tokens.Count < maxTokens; i++)
        {
            var c = text[i];
            if (IsCjk(c))
            {
                Flush(word, tokens);
                tokens.Add(c.ToString());
            }
            else if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || IsMark(c))
            {
                word.Append(c);
            }
            else if ((c == '\'' || c == '\u2019') && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // "i'm" -> "im": the apostrophe form and the bare form mean the same to an intent model.
            }
            else if ((c == '.' || c == ',') && word.Length > 0 && char.IsDigit(word[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                word.Append(c);
            }
            else if (IsCurrency(c))
            {
                Flush(word, tokens);
                tokens.Add(c.ToString());
            }
            else
            {
                Flush(word, tokens);
            }
        }

        if (tokens.Count < maxTokens)
        {
            Flush(word, tokens);
        }

        return tokens;
    }

    /// <summary>True for Han ideographs, kana, Hangul and CJK symbols that stand for a word part on their own.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF'
            or >= '\u3400' and <= '\u4DBF'
            or >= '\uF900' and <= '\uFAFF'
            or >= '\u3040' and <= '\u30FF'
            or >= '\uAC00' and <= '\uD7AF';

    private static bool IsCurrency(char c) => c is '$' or '\u00A5' or '\u20AC' or '\u00A3' or '\u20A9' or '\u5143';

    private static bool IsMark(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return category is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
            word.Clear();
        }
    }
}
