using System.Text.RegularExpressions;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// <c>rude</c>: a curated lexicon of insults and dismissive phrases (English and Chinese), and shouting (mostly capitals
/// over a long enough stretch, or a pile of exclamation marks). Lexicon entries are whole words or phrases so ordinary
/// polite text (<c>scroll</c> 滚动, "whatever you need") never matches.
/// </summary>
public static partial class RudenessRule
{
    /// <summary>Letters needed before the share of capitals counts as shouting (so "OK" or "SF Express" never do).</summary>
    private const int ShoutingMinLetters = 12;

    /// <summary>The warnings for <paramref name="text"/>: at most one for insults and one for shouting.</summary>
    public static IEnumerable<AgentDraftWarning> Check(string text)
    {
        if (InsultRegex().Match(text) is { Success: true } insult)
        {
            yield return new AgentDraftWarning(WarningCodes.Rude,
                $"Insulting wording (\"{insult.Value}\"): never insult a customer; say what you can do for them.", WarningCodes.Critical);
        }
        else if (DismissiveRegex().Match(text) is { Success: true } dismissive)
        {
            yield return new AgentDraftWarning(WarningCodes.Rude,
                $"Dismissive wording (\"{dismissive.Value}\"): acknowledge the problem and offer the next step instead.", WarningCodes.Warning);
        }

        if (IsShouting(text))
        {
            yield return new AgentDraftWarning(WarningCodes.Rude,
                "Reads as shouting (capitals or a row of exclamation marks): write in normal case, one exclamation mark at most.", WarningCodes.Warning);
        }
    }

    /// <summary>True for mostly capital letters over a long stretch, "!!" (or "！！"), or three or more exclamation marks.</summary>
    public static bool IsShouting(string text)
    {
        var letters = 0;
        var upper = 0;
        var exclamations = 0;
        var run = 0;
        var maxRun = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                letters++;
                if (char.IsAsciiLetterUpper(c))
                {
                    upper++;
                }
            }

            if (c is '!' or '！')
            {
                exclamations++;
                run++;
                maxRun = Math.Max(maxRun, run);
            }
            else if (!char.IsWhiteSpace(c))
            {
                run = 0;
            }
        }

        return (letters >= ShoutingMinLetters && upper * 10 >= letters * 7) || maxRun >= 2 || exclamations >= 3;
    }

    [GeneratedRegex(@"(?i)\b(?:idiot(?:s|ic)?|stupid|dumb(?:ass)?|morons?|moronic|imbeciles?|fools?|foolish|losers?|pathetic|retard(?:ed)?|jerk|shut up|get lost|screw you|piss off|f[u*]ck\w*|wtf|stfu|bullshit|shit(?:ty)?|crap(?:py)?|damn it|go to hell)\b|傻[逼比Bb]|傻子|傻瓜|笨蛋|白痴|蠢货|蠢猪|脑残|弱智|废物|神经病|有病吧|你有病|滚开|滚蛋|给我滚|闭嘴|去死|他妈的|妈的|混蛋|王八蛋")]
    private static partial Regex InsultRegex();

    [GeneratedRegex(@"(?i)\b(?:not my problem|deal with it|(?:it'?s |that'?s )?your (?:own )?fault|are you blind|can'?t you read|learn to read|calm down|i don'?t care|nobody cares|figure it out yourself|stop (?:whining|complaining)|as i already (?:said|told you))\b|关我什么事|关我屁事|不关我的事|爱买不买|你自己(?:去)?(?:看|查)|烦不烦|听不懂吗|看不懂吗|活该|你是不是傻|不会看吗|说了多少遍")]
    private static partial Regex DismissiveRegex();
}
