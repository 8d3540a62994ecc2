using System.Text;
using System.Text.RegularExpressions;

namespace CommerceBrain.Conversations.Privacy;

/// <summary>
/// Masks personal data in text that is stored or logged: payment card numbers (13–19 digits, spaces or dashes allowed,
/// Luhn-valid, with a card network's prefix), phone numbers (Chinese mobile, +international, Chinese landline) and
/// e-mail addresses. Order ids survive: a digit run is a card only when it passes Luhn <em>and</em> starts like a
/// card of its length, and a phone only when it stands alone (never inside a longer digit run).
/// </summary>
public static partial class PersonalDataMasker
{
    /// <summary>Replaces a card number.</summary>
    public const string CardPlaceholder = "[card]";

    /// <summary>Replaces a phone number.</summary>
    public const string PhonePlaceholder = "[phone]";

    /// <summary>Replaces an e-mail address.</summary>
    public const string EmailPlaceholder = "[email]";

    /// <summary><paramref name="text"/> with card numbers, phone numbers and e-mail addresses replaced by placeholders.</summary>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var spans = new List<(int Start, int Length, string Replacement)>();
        Collect(spans, EmailRegex().Matches(text), EmailPlaceholder, _ => true);
        Collect(spans, CardRegex().Matches(text), CardPlaceholder, IsCardNumber);
        Collect(spans, ChineseMobileRegex().Matches(text), PhonePlaceholder, _ => true);
        Collect(spans, InternationalPhoneRegex().Matches(text), PhonePlaceholder, v => Digits(v).Length is >= 8 and <= 15);
        Collect(spans, LandlineRegex().Matches(text), PhonePlaceholder, _ => true);
        return Replace(text, spans);
    }

    /// <summary>
    /// <paramref name="text"/> with only payment card numbers replaced: for agents' messages, which may rightly carry a
    /// shop's phone number or address, but never a card number.
    /// </summary>
    public static string MaskCards(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var spans = new List<(int Start, int Length, string Replacement)>();
        Collect(spans, CardRegex().Matches(text), CardPlaceholder, IsCardNumber);
        return Replace(text, spans);
    }

    private static string Replace(string text, List<(int Start, int Length, string Replacement)> spans)
    {
        if (spans.Count == 0)
        {
            return text;
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, length, replacement) in spans)
        {
            sb.Append(text, at, start - at).Append(replacement);
            at = start + length;
        }

        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>True when <paramref name="candidate"/> (digits with optional spaces/dashes) is a plausible payment card number.</summary>
    public static bool IsCardNumber(string candidate)
    {
        var digits = Digits(candidate);
        return digits.Length is >= 13 and <= 19 && HasCardPrefix(digits) && Luhn(digits);
    }

    // Earlier kinds win: a span is added only when it overlaps none already taken.
    private static void Collect(List<(int Start, int Length, string Replacement)> spans, MatchCollection matches, string replacement,
        Func<string, bool> accept)
    {
        foreach (Match m in matches)
        {
            if (accept(m.Value) && !spans.Any(s => s.Start < m.Index + m.Length && m.Index < s.Start + s.Length))
            {
                spans.Add((m.Index, m.Length, replacement));
            }
        }
    }

    // Issuer prefixes by length (ISO/IEC 7812 ranges of the big networks). Shop order ids such as 2026111100001 are
    // 13 digits starting with a year: 13-digit cards are Visa only (4…), so they never look like one.
    private static bool HasCardPrefix(string d)
    {
        var two = int.Parse(d.AsSpan(0, 2), provider: null);
        var four = int.Parse(d.AsSpan(0, 4), provider: null);
        return d.Length switch
        {
            13 => d[0] == '4',
            14 => two is 30 or 36 or 38 or 39,
            15 => two is 34 or 37 || d.StartsWith("1800", StringComparison.Ordinal) || d.StartsWith("2131", StringComparison.Ordinal),
            _ => d[0] == '4' || two is >= 51 and <= 55 || four is >= 2221 and <= 2720 || two is 35 or 62 or 65
                || four is 6011 or 5018 or 5020 or 5038 or 5893 or 6304 or 6759 or 6761 or 6762 or 6763,
        };
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    private static string Digits(string s) => string.Concat(s.Where(char.IsAsciiDigit));

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailRegex();

    // 13–19 digits, single spaces or dashes between groups, not inside a longer digit run.
    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])")]
    private static partial Regex CardRegex();

    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)")]
    private static partial Regex ChineseMobileRegex();

    [GeneratedRegex(@"(?<![\w+])\+\d{1,3}(?:[-\s]?\(?\d{1,4}\)?){1,2}(?:[-\s]?\d{2,4}){1,4}(?!\d)")]
    private static partial Regex InternationalPhoneRegex();

    [GeneratedRegex(@"(?<![\d-])0\d{2,3}-\d{7,8}(?!\d)")]
    private static partial Regex LandlineRegex();
}
