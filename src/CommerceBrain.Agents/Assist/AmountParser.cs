using System.Globalization;
using System.Text.RegularExpressions;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// Money amounts written in a text: "¥120", "￥1,299.00", "RMB 120", "120 yuan", "120元", "120块", "$12.50", "12.50 dollars",
/// "USD 5". A bare number is not an amount (order ids and dates are not money).
/// </summary>
public static partial class AmountParser
{
    /// <summary>Every amount in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<MoneyAmount> Parse(string text)
    {
        var found = new List<(int At, MoneyAmount Amount)>();
        foreach (Match m in PrefixRegex().Matches(text))
        {
            Add(found, m);
        }

        foreach (Match m in SuffixRegex().Matches(text))
        {
            Add(found, m);
        }

        return found.OrderBy(f => f.At).Select(f => f.Amount).ToArray();
    }

    private static void Add(List<(int At, MoneyAmount Amount)> found, Match m)
    {
        var currency = Currency(m.Groups["cur"].Value);
        if (currency is null
            || !decimal.TryParse(m.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value)
            || found.Any(f => f.At == m.Groups["num"].Index))
        {
            return;
        }

        found.Add((m.Groups["num"].Index, new MoneyAmount((long)Math.Round(value * 100m), currency)));
    }

    private static string? Currency(string written) => written.Trim().ToUpperInvariant() switch
    {
        "¥" or "￥" or "RMB" or "CNY" or "元" or "块" or "块钱" or "YUAN" or "人民币" => "CNY",
        "$" or "US$" or "USD" or "DOLLAR" or "DOLLARS" or "美元" => "USD",
        _ => null,
    };

    [GeneratedRegex(@"(?i)(?<cur>US\$|[¥￥$]|\bRMB|\bCNY|\bUSD)\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?![\d.,]*\d)")]
    private static partial Regex PrefixRegex();

    [GeneratedRegex(@"(?i)(?<![\d.,])(?<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\s?(?<cur>元|块钱|块|人民币|美元|yuan\b|rmb\b|cny\b|usd\b|dollars?\b)")]
    private static partial Regex SuffixRegex();
}
