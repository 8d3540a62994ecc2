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
        var chars = new char[normalized.Length];
        var ranges = new Range[MaxTokenCount(normalized.Length)];
        var count = Tokenize(normalized, maxTokens, chars, ranges);
        var tokens = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            tokens.Add(new string(chars.AsSpan()[ranges[i]]));
        }

        return tokens;
    }

    /// <summary>The most tokens <see cref="Tokenize(ReadOnlySpan{char}, int, Span{char}, Span{Range})"/> can write for a text of this length.</summary>
    public static int MaxTokenCount(int normalizedLength) => normalizedLength + 1;

    /// <summary>
    /// Tokenises without allocating: token characters are written back to back into <paramref name="chars"/> (at
    /// least as long as the text) and each token's place in it into <paramref name="tokens"/> (at least
    /// <see cref="MaxTokenCount"/> long); returns the token count. Same tokens as <see cref="Tokenize(string, int)"/>.
    /// </summary>
    public static int Tokenize(ReadOnlySpan<char> text, int maxTokens, Span<char> chars, Span<Range> tokens)
    {
        var count = 0;
        var written = 0;
        var wordStart = 0;
        for (var i = 0; i < text.Length && count < maxTokens; i++)
        {
            var c = text[i];
            if (IsCjk(c))
            {
                Flush(ref count, ref wordStart, written, tokens);
                chars[written++] = c;
                Flush(ref count, ref wordStart, written, tokens);
            }
            else if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || IsMark(c))
            {
                chars[written++] = c;
            }
            else if ((c == '\'' || c == '\u2019') && written > wordStart && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // "i'm" -> "im": the apostrophe form and the bare form mean the same to an intent model.
            }
            else if ((c == '.' || c == ',') && written > wordStart && char.IsDigit(chars[written - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                chars[written++] = c;
            }
            else if (IsCurrency(c))
            {
                Flush(ref count, ref wordStart, written, tokens);
                chars[written++] = c;
                Flush(ref count, ref wordStart, written, tokens);
            }
            else
            {
                Flush(ref count, ref wordStart, written, tokens);
            }
        }

        if (count < maxTokens)
        {
            Flush(ref count, ref wordStart, written, tokens);
        }

        return count;
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

    private static void Flush(ref int count, ref int wordStart, int written, Span<Range> tokens)
    {
        if (written > wordStart)
        {
            tokens[count++] = new Range(wordStart, written);
            wordStart = written;
        }
    }
}
