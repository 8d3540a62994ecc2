using System.Text.RegularExpressions;

namespace CommerceBrain.Conversations.Privacy;

/// <summary>Masks card numbers, phone numbers and e-mail addresses before text is stored or logged.</summary>
public static partial class PersonalDataMasker
{
    /// <summary><paramref name="text"/> with personal data replaced by masks; order ids and other numbers are kept.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Email().Replace(text, "[email]");
        text = Card().Replace(text, m => IsLuhnValid(m.Value) ? "[card]" : m.Value);
        return Phone().Replace(text, "[phone]");
    }

    private static bool IsLuhnValid(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\d)\d(?:[ \-]?\d){12,18}(?!\d)")]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<![\d+])(?:\+\d{1,3}[ \-]?)?1[3-9]\d[ \-]?\d{4}[ \-]?\d{4}(?!\d)|\+\d{1,3}(?:[ \-]?\d){6,12}(?!\d)")]
    private static partial Regex Phone();
}
