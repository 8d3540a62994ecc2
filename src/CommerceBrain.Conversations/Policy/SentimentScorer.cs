using System.Text.RegularExpressions;

namespace CommerceBrain.Conversations.Policy;

/// <summary>
/// A small lexicon scorer for English and Chinese customer messages: word (or, in Chinese, longest phrase) weights,
/// negation flips the next sentiment word, intensifiers scale it, and the sum is squashed into [-1, 1]
/// (as VADER does: x / √(x² + 15)). Good enough to notice a conversation going sour; not a model.
/// </summary>
public static partial class SentimentScorer
{
    private const float Squash = 15f;
    private const float IntensifierBoost = 1.5f;

    private static readonly Dictionary<string, float> English = new(StringComparer.Ordinal)
    {
        ["good"] = 1.5f, ["great"] = 2.5f, ["excellent"] = 3f, ["perfect"] = 3f, ["love"] = 2.5f, ["like"] = 1f,
        ["thanks"] = 1.5f, ["thank"] = 1.5f, ["helpful"] = 2f, ["happy"] = 2f, ["awesome"] = 3f, ["nice"] = 1.5f,
        ["fine"] = 0.8f, ["fast"] = 1f, ["quick"] = 1f, ["appreciate"] = 2f, ["wonderful"] = 3f, ["glad"] = 2f,
        ["satisfied"] = 2f, ["brilliant"] = 3f, ["solved"] = 1.5f, ["resolved"] = 1.5f, ["cheers"] = 1.5f,
        ["bad"] = -2f, ["terrible"] = -3f, ["awful"] = -3f, ["horrible"] = -3f, ["worst"] = -3.5f, ["hate"] = -3f,
        ["angry"] = -2.5f, ["annoyed"] = -2f, ["annoying"] = -2f, ["frustrated"] = -2.5f, ["frustrating"] = -2.5f,
        ["unhappy"] = -2.5f, ["disappointed"] = -2.5f, ["disappointing"] = -2.5f, ["useless"] = -3f, ["ridiculous"] = -2.5f,
        ["unacceptable"] = -3f, ["scam"] = -3f, ["fraud"] = -3f, ["fake"] = -2f, ["broken"] = -2f, ["damaged"] = -2f,
        ["late"] = -1.5f, ["slow"] = -1.5f, ["wrong"] = -1.5f, ["rude"] = -2.5f, ["stupid"] = -3f, ["garbage"] = -3f,
        ["crap"] = -3f, ["rubbish"] = -3f, ["ugh"] = -2f, ["wtf"] = -3f, ["furious"] = -3.5f, ["upset"] = -2.5f,
        ["lied"] = -2.5f, ["lie"] = -2f, ["never"] = -0.5f, ["problem"] = -1f, ["complain"] = -1.5f, ["complaint"] = -1.5f,
        ["waste"] = -2.5f, ["sucks"] = -3f, ["pathetic"] = -3f, ["nobody"] = -1f, ["again"] = -0.5f, ["still"] = -0.5f,
    };

    private static readonly HashSet<string> EnglishNegations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "isnt", "isn't", "wasnt",
        "wasn't", "cant", "can't", "cannot", "wont", "won't", "aint", "ain't", "nothing", "hardly",
    };

    private static readonly Dictionary<string, float> EnglishIntensifiers = new(StringComparer.Ordinal)
    {
        ["very"] = IntensifierBoost, ["so"] = IntensifierBoost, ["really"] = IntensifierBoost, ["extremely"] = 2f,
        ["too"] = 1.3f, ["totally"] = IntensifierBoost, ["absolutely"] = IntensifierBoost, ["completely"] = IntensifierBoost,
        ["super"] = IntensifierBoost, ["incredibly"] = 2f, ["seriously"] = 1.3f,
    };

    // Longest phrase wins, so "不错" (not bad = good) is read before "错" and "不".
    private static readonly Dictionary<string, float> Chinese = new(StringComparer.Ordinal)
    {
        ["好"] = 1f, ["很好"] = 2f, ["不错"] = 1.5f, ["满意"] = 2f, ["谢谢"] = 1.5f, ["感谢"] = 1.5f, ["喜欢"] = 2f,
        ["开心"] = 2f, ["棒"] = 2.5f, ["赞"] = 2f, ["快"] = 0.8f, ["解决了"] = 1.5f, ["给力"] = 2.5f, ["完美"] = 3f,
        ["差"] = -2f, ["太差"] = -3f, ["垃圾"] = -3f, ["生气"] = -2.5f, ["失望"] = -2.5f, ["骗子"] = -3f, ["骗"] = -2.5f,
        ["坑"] = -2.5f, ["烂"] = -2.5f, ["慢"] = -1.5f, ["投诉"] = -2f, ["恶劣"] = -3f, ["无语"] = -2f, ["气死"] = -3.5f,
        ["不满"] = -2.5f, ["不满意"] = -2.5f, ["糟糕"] = -2.5f, ["假货"] = -3f, ["坏了"] = -2f, ["破"] = -1.5f,
        ["错"] = -1f, ["烦"] = -2f, ["离谱"] = -2.5f, ["没用"] = -2.5f, ["忽悠"] = -2.5f, ["还没"] = -1f, ["太慢"] = -2.5f,
        ["愤怒"] = -3f, ["恶心"] = -3f, ["问题"] = -0.8f, ["退款"] = -0.3f,
    };

    private static readonly string[] ChineseNegations = ["不", "没", "别", "未", "无"];

    private static readonly Dictionary<string, float> ChineseIntensifiers = new(StringComparer.Ordinal)
    {
        ["很"] = IntensifierBoost, ["太"] = IntensifierBoost, ["非常"] = 2f, ["特别"] = 2f, ["真"] = 1.3f, ["超"] = IntensifierBoost,
        ["极"] = 2f, ["十分"] = 2f, ["真的"] = 1.3f,
    };

    private static readonly int LongestChinese = Chinese.Keys.Max(k => k.Length);

    /// <summary>The sentiment of <paramref name="text"/> in [-1, 1]: negative is unhappy, 0 is neutral or unknown.</summary>
    public static float Score(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        var sum = ScoreEnglish(text) + ScoreChinese(text);
        if (sum != 0)
        {
            // Exclamation marks make whatever was said stronger (capped).
            var bangs = Math.Min(3, text.Count(c => c is '!' or '！'));
            sum += Math.Sign(sum) * 0.3f * bangs;
        }

        return (float)(sum / Math.Sqrt(sum * sum + Squash));
    }

    /// <summary>
    /// The change of sentiment over <paramref name="scores"/> (oldest first): the mean of the last two minus the mean of
    /// the ones before (0 with fewer than three scores). Negative means the customer is getting unhappier.
    /// </summary>
    public static float Trend(IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count < 3)
        {
            return scores.Count == 2 ? scores[1] - scores[0] : 0;
        }

        var recent = (scores[^1] + scores[^2]) / 2;
        var earlier = scores.Take(scores.Count - 2).Average();
        return recent - earlier;
    }

    private static float ScoreEnglish(string text)
    {
        var words = WordRegex().Matches(text);
        float sum = 0;
        var negateWithin = 0;
        var boost = 1f;
        foreach (Match m in words)
        {
            var raw = m.Value;
            var word = raw.ToLowerInvariant();
            if (EnglishNegations.Contains(word))
            {
                negateWithin = 3;
                continue;
            }

            if (EnglishIntensifiers.TryGetValue(word, out var factor))
            {
                boost *= factor;
                continue;
            }

            if (English.TryGetValue(word, out var weight))
            {
                // SHOUTING makes a word stronger.
                if (raw.Length > 2 && raw.All(char.IsUpper))
                {
                    weight *= 1.3f;
                }

                weight *= boost;
                if (negateWithin > 0)
                {
                    // "not good" is mildly bad, "not bad" mildly good.
                    weight = -weight * 0.6f;
                }

                sum += weight;
                negateWithin = 0;
                boost = 1f;
                continue;
            }

            negateWithin = Math.Max(0, negateWithin - 1);
            boost = 1f;
        }

        return sum;
    }

    private static float ScoreChinese(string text)
    {
        float sum = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsCjk(text[i]))
            {
                i++;
                continue;
            }

            var (length, weight) = LongestMatch(text, i);
            if (length == 0)
            {
                i++;
                continue;
            }

            weight *= ChineseModifier(text, i);
            sum += weight;
            i += length;
        }

        return sum;
    }

    // Looks at the two characters before a sentiment phrase for a negation or an intensifier ("不满意" is itself a phrase).
    private static float ChineseModifier(string text, int at)
    {
        var factor = 1f;
        var before = text[Math.Max(0, at - 3)..at];
        foreach (var (word, boost) in ChineseIntensifiers)
        {
            if (before.EndsWith(word, StringComparison.Ordinal) || before.Length >= 2 && before[..^1].EndsWith(word, StringComparison.Ordinal))
            {
                factor *= boost;
                break;
            }
        }

        var near = text[Math.Max(0, at - 2)..at];
        if (ChineseNegations.Any(n => near.Contains(n, StringComparison.Ordinal)))
        {
            factor *= -0.6f;
        }

        return factor;
    }

    private static (int Length, float Weight) LongestMatch(string text, int at)
    {
        for (var length = Math.Min(LongestChinese, text.Length - at); length > 0; length--)
        {
            if (Chinese.TryGetValue(text.Substring(at, length), out var weight))
            {
                return (length, weight);
            }
        }

        return (0, 0);
    }

    internal static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    [GeneratedRegex(@"[A-Za-z]+(?:'[a-z]+)?")]
    private static partial Regex WordRegex();
}
