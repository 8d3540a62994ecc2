using System.Text;
using System.Text.RegularExpressions;

namespace CommerceBrain.Conversations.Policy;

/// <summary>
/// The few phrases the policy reads itself rather than through the intent model, because they are about the
/// conversation rather than a topic: cancelling a form, yes/no, and references to orders ("my last order", "the other
/// one", "that order"), in English and Chinese.
/// </summary>
public static partial class CustomerPhrases
{
    /// <summary>Lower case, full-width folded, punctuation removed, single spaces: the form repeats are compared in.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>True when the customer drops the current form ("cancel", "never mind", "算了").</summary>
    public static bool IsCancel(string text) => CancelRegex().IsMatch(text.Trim());

    /// <summary>True for a yes ("yes", "confirm", "好的", "确认"); false for a no; null when neither.</summary>
    public static bool? YesOrNo(string text)
    {
        var t = Normalize(text);
        if (YesRegex().IsMatch(t))
        {
            return true;
        }

        return NoRegex().IsMatch(t) ? false : null;
    }

    /// <summary>A question about how something works ("how do I…", "what is the … policy", "怎么…", "如何…").</summary>
    public static bool IsHowToQuestion(string text) => HowToRegex().IsMatch(text.Trim());

    /// <summary>"my last order", "最近的订单", "latest purchase".</summary>
    public static bool MentionsLastOrder(string text) => LastOrderRegex().IsMatch(text);

    /// <summary>"and the other one?", "另一个呢", "the other order".</summary>
    public static bool MentionsOtherOrder(string text) => OtherOrderRegex().IsMatch(text);

    /// <summary>"that order", "this order", "it", "它", "这个订单".</summary>
    public static bool MentionsCurrentOrder(string text) => CurrentOrderRegex().IsMatch(text);

    /// <summary>Words that always mean "a person, please" ("人工", "human agent", "real person").</summary>
    public static bool AsksForPerson(string text) => PersonRegex().IsMatch(text);

    /// <summary>
    /// Digit runs that may be order ids (10–20 digits, not a phone or card number); the desk decides whether they are.
    /// </summary>
    public static IEnumerable<string> OrderIdCandidates(string text) =>
        OrderIdRegex().Matches(text).Select(m => m.Value).Where(v => Privacy.PersonalDataMasker.Mask(v) == v);

    [GeneratedRegex(@"(?i)^(?:how (?:do|can|does|long|many|much)|how to|what (?:is|are|'s)|whats|when (?:do|can|will)|who pays|is there|do i need)\b|\bpolicy\b|怎么|如何|多久|什么规则|政策")]
    private static partial Regex HowToRegex();

    [GeneratedRegex(@"(?i)^(?:ok(?:ay)?[, ]*)?(?:cancel(?: (?:it|that|this|the request))?|never ?mind|forget it|stop|nevermind|no thanks|算了|取消|不用了|不要了|不办了|不改了|不退了)[.!。！ ]*(?:吧|了)?[.!。！]*$")]
    private static partial Regex CancelRegex();

    [GeneratedRegex(@"^(?:yes|y|yeah|yep|yup|sure|ok|okay|confirm|confirmed|correct|right|go ahead|do it|please do|yes please|是|是的|对|对的|好|好的|确认|确定|可以|行|嗯|没问题)(?: please| 确认| 谢谢)?$")]
    private static partial Regex YesRegex();

    [GeneratedRegex(@"^(?:no|n|nope|nah|not now|don t|dont|wrong|不|不是|不对|不要|否|先不|错了)$")]
    private static partial Regex NoRegex();

    [GeneratedRegex(@"(?i)\b(?:my )?(?:last|latest|most recent|newest|recent)\s+(?:order|purchase|package|parcel)\b|最近(?:的|一个|一笔|那个)?(?:订单|包裹|快递)|最新(?:的)?订单|上一(?:个|笔)订单|刚买的")]
    private static partial Regex LastOrderRegex();

    [GeneratedRegex(@"(?i)\b(?:the )?other (?:one|order|package|parcel)\b|\banother order\b|\bsecond order\b|另一个|另外一个|另一(?:笔|单)|另外那个|另一个订单")]
    private static partial Regex OtherOrderRegex();

    [GeneratedRegex(@"(?i)\b(?:that|this|the same|same) (?:order|one|package|parcel)\b|^(?:and |what about |how about )?it\??$|\bfor it\b|它|这个订单|那个订单|这单|那单|这笔订单")]
    private static partial Regex CurrentOrderRegex();

    [GeneratedRegex(@"(?i)人工|真人|客服人员|\bhuman(?: agent| being)?\b|\breal person\b|\blive agent\b|\bspeak to (?:a |an )?(?:person|agent|someone)\b")]
    private static partial Regex PersonRegex();

    [GeneratedRegex(@"(?<![\d])\d{10,20}(?![\d])")]
    private static partial Regex OrderIdRegex();
}
