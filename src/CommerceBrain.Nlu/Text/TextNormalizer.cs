namespace CommerceBrain.Nlu.Text;

/// <summary>
/// Normalises user text before tokenisation: compatibility folding (the NFKC mappings that occur in shop chats:
/// full-width ASCII, ideographic and other compatibility spaces, ligatures, circled and super/subscript digits),
/// lower-casing and whitespace collapsing.
/// </summary>
/// <remarks>
/// The folding is implemented here instead of <see cref="string.Normalize(System.Text.NormalizationForm)"/> because the hosts
/// run with invariant globalization, where the platform normaliser is a no-op, and hashed features must be identical
/// in every process and on every machine.
/// </remarks>
public static class TextNormalizer
{
    /// <summary>Folds, lower-cases and collapses whitespace; never returns null.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var buffer = new char[MaxNormalizedLength(text.Length)];
        return new string(buffer, 0, Normalize(text, buffer));
    }

    /// <summary>The most characters <see cref="Normalize(ReadOnlySpan{char}, Span{char})"/> can write for a text of this length.</summary>
    public static int MaxNormalizedLength(int textLength) => checked(textLength * MaxExpansion);

    /// <summary>
    /// Normalises into <paramref name="destination"/> (at least <see cref="MaxNormalizedLength"/> long) without
    /// allocating; returns the number of characters written. Same result as <see cref="Normalize(string?)"/>.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var multi = Fold(raw, out var single);
            if (multi is null)
            {
                if (single != '\0')
                {
                    Append(destination, ref length, single, ref pendingSpace);
                }

                continue;
            }

            foreach (var c in multi)
            {
                Append(destination, ref length, c, ref pendingSpace);
            }
        }

        return length;
    }

    // The longest expansion of one UTF-16 unit by Fold ("ffi", "ffl", "...", "iii").
    private const int MaxExpansion = 3;

    private static void Append(Span<char> destination, ref int length, char c, ref bool pendingSpace)
    {
        if (char.IsWhiteSpace(c) || char.IsControl(c))
        {
            pendingSpace = length > 0;
            return;
        }

        if (pendingSpace)
        {
            destination[length++] = ' ';
            pendingSpace = false;
        }

        destination[length++] = char.ToLowerInvariant(c);
    }

    /// <summary>
    /// The compatibility folding of one UTF-16 code unit (NFKC subset, see the type remarks): returns the expansion
    /// when it is longer than one character, otherwise null with <paramref name="single"/> set ('\0' drops it).
    /// </summary>
    internal static string? Fold(char c, out char single)
    {
        single = '\0';
        switch (c)
        {
            case >= '\uFF01' and <= '\uFF5E':
                return Single((char)(c - 0xFEE0), out single);
            case '\u3000' or '\u00A0' or '\u2007' or '\u202F' or (>= '\u2000' and <= '\u200A'):
                return Single(' ', out single);
            case '\u200B' or '\u200C' or '\u200D' or '\uFEFF':
                return null;
            case '\uFB00': return "ff";
            case '\uFB01': return "fi";
            case '\uFB02': return "fl";
            case '\uFB03': return "ffi";
            case '\uFB04': return "ffl";
            case '\uFB05' or '\uFB06': return "st";
            case >= '\u2460' and <= '\u2468':
                return Single((char)('1' + (c - '\u2460')), out single);
            case >= '\u2070' and <= '\u2079' when c is not ('\u2072' or '\u2073'):
                return Single((char)('0' + (c - '\u2070')), out single);
            case '\u00B9': return Single('1', out single);
            case '\u00B2': return Single('2', out single);
            case '\u00B3': return Single('3', out single);
            case >= '\u2080' and <= '\u2089':
                return Single((char)('0' + (c - '\u2080')), out single);
            case '\u2024': return Single('.', out single);
            case '\u2026': return "...";
            case '\uFE50': return Single(',', out single);
            case '\uFE52': return Single('.', out single);
            case '\u2122': return "tm";
            case '\u00AA': return Single('a', out single);
            case '\u00BA': return Single('o', out single);
            case '\u2160': return Single('i', out single);
            case '\u2161': return "ii";
            case '\u2162': return "iii";
            case '\uFFE5': return Single('\u00A5', out single);
            case '\uFFE0': return Single('\u00A2', out single);
            case '\uFFE1': return Single('\u00A3', out single);
            case '\uFFE6': return Single('\u20A9', out single);
            default:
                return Single(c, out single);
        }
    }

    private static string? Single(char c, out char single)
    {
        single = c;
        return null;
    }
}
