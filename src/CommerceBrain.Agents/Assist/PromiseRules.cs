using System.Globalization;
using System.Text.RegularExpressions;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// Promises outside policy. A sentence <em>promises</em> compensation when it names one (refund, compensation, voucher,
/// coupon, credit, 退款, 赔偿, 补偿, 优惠券, 红包…) together with an amount or a promising verb (will, can, offer, issue,
/// 给您, 为您, 可以…) and is not negated (can't, unable, 无法, 不能…).
/// <list type="bullet">
/// <item><c>promise_over_order_value</c>: a promised amount above the session's order value (same currency).</item>
/// <item><c>compensation_without_reason</c>: a promise without a known reason code (<see cref="CompensationReasons"/>).</item>
/// </list>
/// </summary>
public static partial class PromiseRules
{
    /// <summary>The warnings for <paramref name="text"/> given the session's <paramref name="facts"/>.</summary>
    public static IEnumerable<AgentDraftWarning> Check(string text, DraftFacts facts)
    {
        var promises = Promises(text).ToList();
        if (promises.Count == 0)
        {
            yield break;
        }

        if (facts.OrderValueMinor is { } value && facts.OrderCurrency is { } currency)
        {
            var over = promises.SelectMany(AmountParser.Parse)
                .Where(a => string.Equals(a.Currency, currency, StringComparison.OrdinalIgnoreCase) && a.Minor > value)
                .Select(a => (long?)a.Minor)
                .Max();
            if (over is { } promised)
            {
                yield return new AgentDraftWarning(WarningCodes.PromiseOverOrderValue,
                    $"The promised {Major(promised)} {currency} is more than the order value ({Major(value)} {currency}): refunds and compensation stay within the order value.",
                    WarningCodes.Critical);
            }
        }

        if (!CompensationReasons.IsKnown(facts.ReasonCode))
        {
            yield return new AgentDraftWarning(WarningCodes.CompensationWithoutReason,
                facts.ReasonCode is null
                    ? $"Compensation or a refund is promised without a reason code: give one ({string.Join(", ", CompensationReasons.All)})."
                    : $"Unknown reason code '{(facts.ReasonCode.Length <= 40 ? facts.ReasonCode : facts.ReasonCode[..40])}': use one of {string.Join(", ", CompensationReasons.All)}.",
                WarningCodes.Warning);
        }
    }

    /// <summary>The sentences of <paramref name="text"/> that promise compensation.</summary>
    public static IEnumerable<string> Promises(string text) =>
        SentenceRegex().Split(text)
            .Where(s => CompensationRegex().IsMatch(s)
                && (PromiseVerbRegex().IsMatch(s) || AmountParser.Parse(s).Count > 0)
                && !NegationRegex().IsMatch(s));

    private static string Major(long minor) => (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<=[.!?。！？；;\n])")]
    private static partial Regex SentenceRegex();

    [GeneratedRegex(@"(?i)\b(?:refund(?:s|ed|ing)?|compensat\w*|vouchers?|coupons?|store credit|credit|reimburs\w*|goodwill|money back|cash ?back)\b|退款|退钱|退还|返还|赔偿|补偿|赔付|优惠券|代金券|红包|返现|补贴")]
    private static partial Regex CompensationRegex();

    [GeneratedRegex(@"(?i)\b(?:will|'ll|can|could|shall|going to|offer(?:ing)?|issue|issuing|give|giving|send(?:ing)?|arrange|approve[ds]?|credit(?:ed)?|add(?:ed)?)\b|给您|为您|帮您|会|可以|申请|发放|安排|补给")]
    private static partial Regex PromiseVerbRegex();

    [GeneratedRegex(@"(?i)\b(?:can'?t|cannot|can not|unable|not able|won'?t|will not|not possible|no refund|not eligible)\b|无法|不能|不可以|不会|不支持|不予")]
    private static partial Regex NegationRegex();
}
