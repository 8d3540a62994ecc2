using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CommerceBrain.Nlu.Entities;

/// <summary>
/// Rule-based extraction of order ids, amounts, dates, phone numbers and e-mail addresses from English and Chinese
/// customer messages, and masking of the personal ones. Overlaps are resolved by kind priority
/// (e-mail, phone, order id, amount, date), then by position.
/// </summary>
public static partial class EntityExtractor
{
    /// <summary>Placeholder that replaces phone numbers in <see cref="Mask"/>.</summary>
    public const string PhonePlaceholder = "[PHONE]";

    /// <summary>Placeholder that replaces e-mail addresses in <see cref="Mask"/>.</summary>
    public const string EmailPlaceholder = "[EMAIL]";

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>All entities in <paramref name="text"/>, ordered by position, without overlaps.</summary>
    public static IReadOnlyList<EntitySpan> Extract(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var candidates = new List<EntitySpan>();
        foreach (Match m in EmailRegex().Matches(text))
        {
            candidates.Add(new EntitySpan(EntityKind.Email, m.Index, m.Length, m.Value, m.Value.ToLowerInvariant()));
        }

        foreach (Match m in CnMobileRegex().Matches(text))
        {
            var digits = Digits(m.Value);
            var national = digits.Length == 13 ? digits[2..] : digits;
            candidates.Add(new EntitySpan(EntityKind.Phone, m.Index, m.Length, m.Value, "+86" + national));
        }

        foreach (Match m in InternationalPhoneRegex().Matches(text))
        {
            var digits = Digits(m.Value);
            if (digits.Length is >= 8 and <= 15)
            {
                candidates.Add(new EntitySpan(EntityKind.Phone, m.Index, m.Length, m.Value, "+" + digits));
            }
        }

        foreach (Match m in OrderKeywordRegex().Matches(text))
        {
            var id = m.Groups["id"];
            if (id.Value.Any(char.IsDigit))
            {
                candidates.Add(new EntitySpan(EntityKind.OrderId, id.Index, id.Length, id.Value, id.Value.ToUpperInvariant()));
            }
        }

        foreach (Match m in BareOrderIdRegex().Matches(text))
        {
            candidates.Add(new EntitySpan(EntityKind.OrderId, m.Index, m.Length, m.Value, m.Value.TrimStart('#').ToUpperInvariant()));
        }

        foreach (Match m in AmountPrefixRegex().Matches(text))
        {
            candidates.Add(Amount(m, m.Groups["cur"].Value, m.Groups["num"].Value));
        }

        foreach (Match m in AmountSuffixRegex().Matches(text))
        {
            candidates.Add(Amount(m, m.Groups["cur"].Value, m.Groups["num"].Value));
        }

        foreach (Match m in IsoDateRegex().Matches(text))
        {
            candidates.Add(Date(m, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        }

        foreach (Match m in ChineseDateRegex().Matches(text))
        {
            candidates.Add(Date(m, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        }

        foreach (Match m in EnglishDateRegex().Matches(text))
        {
            var month = Array.IndexOf(MonthNames, m.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;
            candidates.Add(Date(m, m.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value));
        }

        foreach (Match m in SlashDateRegex().Matches(text))
        {
            candidates.Add(Date(m, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        }

        foreach (Match m in RelativeDateRegex().Matches(text))
        {
            candidates.Add(new EntitySpan(EntityKind.Date, m.Index, m.Length, m.Value, RelativeDay(m.Value)));
        }

        return Resolve(candidates);
    }

    /// <summary>Replaces phone numbers and e-mail addresses with <see cref="PhonePlaceholder"/> and <see cref="EmailPlaceholder"/>.</summary>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in Extract(text))
        {
            if (span.Kind is not (EntityKind.Phone or EntityKind.Email))
            {
                continue;
            }

            sb.Append(text, at, span.Start - at);
            sb.Append(span.Kind == EntityKind.Phone ? PhonePlaceholder : EmailPlaceholder);
            at = span.End;
        }

        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    private static List<EntitySpan> Resolve(List<EntitySpan> candidates)
    {
        var accepted = new List<EntitySpan>();
        foreach (var candidate in candidates
            .OrderBy(c => Priority(c.Kind))
            .ThenBy(c => c.Start)
            .ThenByDescending(c => c.Length))
        {
            if (!accepted.Any(a => a.Start < candidate.End && candidate.Start < a.End))
            {
                accepted.Add(candidate);
            }
        }

        accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }

    private static int Priority(EntityKind kind) => kind switch
    {
        EntityKind.Email => 0,
        EntityKind.Phone => 1,
        EntityKind.OrderId => 2,
        EntityKind.Amount => 3,
        _ => 4,
    };

    private static EntitySpan Amount(Match m, string currency, string number)
    {
        var code = currency.ToLowerInvariant() switch
        {
            "$" or "usd" or "us$" or "dollar" or "dollars" or "美元" or "刀" => "USD",
            "€" or "eur" or "euro" or "euros" => "EUR",
            "£" or "gbp" => "GBP",
            _ => "CNY",
        };
        var value = decimal.TryParse(number.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number,
            CultureInfo.InvariantCulture, out var amount)
            ? amount.ToString(CultureInfo.InvariantCulture)
            : number;
        return new EntitySpan(EntityKind.Amount, m.Index, m.Length, m.Value, code + " " + value);
    }

    private static EntitySpan Date(Match m, string year, string month, string day)
    {
        var value = m.Value;
        if (int.TryParse(month, CultureInfo.InvariantCulture, out var mo) && int.TryParse(day, CultureInfo.InvariantCulture, out var d)
            && mo is >= 1 and <= 12 && d is >= 1 and <= 31)
        {
            if (int.TryParse(year, CultureInfo.InvariantCulture, out var y))
            {
                if (y < 100)
                {
                    y += 2000;
                }

                value = d <= DateTime.DaysInMonth(y, mo)
                    ? new DateOnly(y, mo, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : m.Value;
            }
            else
            {
                value = string.Create(CultureInfo.InvariantCulture, $"--{mo:00}-{d:00}");
            }
        }

        return new EntitySpan(EntityKind.Date, m.Index, m.Length, m.Value, value);
    }

    private static string RelativeDay(string text) => text.ToLowerInvariant() switch
    {
        "today" or "今天" or "今日" => "today",
        "tomorrow" or "明天" or "明日" => "tomorrow",
        "yesterday" or "昨天" or "昨日" => "yesterday",
        "后天" => "today+2",
        "前天" => "today-2",
        _ => text,
    };

    private static string Digits(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is >= '0' and <= '9')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)")]
    private static partial Regex CnMobileRegex();

    [GeneratedRegex(@"(?<![\w+])\+\d{1,3}(?:[-\s]?\(?\d{1,4}\)?){1,2}(?:[-\s]?\d{2,4}){1,4}(?!\d)")]
    private static partial Regex InternationalPhoneRegex();

    [GeneratedRegex(@"(?i)(?:order(?:\s*(?:no\.?|number|id|#))?|订单(?:号|编号)?|单号)\s*(?:is\s*)?[:：#]?\s*(?<id>#?[A-Za-z0-9][A-Za-z0-9-]{4,39})(?![A-Za-z0-9])")]
    private static partial Regex OrderKeywordRegex();

    [GeneratedRegex(@"(?<![\w#])(?:#?[A-Z]{1,4}-?\d{8,20}|\d{15,20})(?!\w)")]
    private static partial Regex BareOrderIdRegex();

    [GeneratedRegex(@"(?i)(?<cur>US\$|\$|¥|￥|€|£|RMB|CNY|USD|EUR|GBP)\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])")]
    private static partial Regex AmountPrefixRegex();

    [GeneratedRegex(@"(?i)(?<![\d.,])(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?<cur>元|块钱|块|美元|刀|RMB|CNY|USD|EUR|GBP|dollars?|euros?|yuan)(?![a-z])")]
    private static partial Regex AmountSuffixRegex();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)")]
    private static partial Regex IsoDateRegex();

    [GeneratedRegex(@"(?:(?<y>\d{2,4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})[日号]")]
    private static partial Regex ChineseDateRegex();

    [GeneratedRegex(@"(?i)\b(?:(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+(?<y>\d{4}))?|(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?)\b")]
    private static partial Regex EnglishDateRegex();

    [GeneratedRegex(@"(?<![\d/])(?<m>\d{1,2})/(?<d>\d{1,2})(?:/(?<y>\d{2}|\d{4}))?(?![\d/])")]
    private static partial Regex SlashDateRegex();

    [GeneratedRegex(@"(?i)\b(?:today|tomorrow|yesterday)\b|今天|明天|昨天|今日|明日|昨日|后天|前天")]
    private static partial Regex RelativeDateRegex();
}
