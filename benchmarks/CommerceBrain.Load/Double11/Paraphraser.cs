using System.Text;
using System.Text.RegularExpressions;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// Rewrites a FAQ question the way customers type it: a politeness prefix or suffix, synonyms, a phrase moved to the
/// front, a dropped question mark, lower case, at most one typo. Deterministic for a given <see cref="Random"/>; the
/// result is never empty, always differs from the question, and keeps most of its content words (so the FAQ can still
/// answer it). Chinese questions get Chinese prefixes, particles and synonyms, and no typos.
/// </summary>
public static partial class Paraphraser
{
    private static readonly string[] EnglishPrefixes =
    [
        "hi, ", "hello, ", "hey there, ", "excuse me, ", "quick question: ", "sorry to bother you, ", "good morning, ",
        "hi there! ", "could you tell me: ", "one question - ",
    ];

    private static readonly string[] EnglishSuffixes = [" please", " thanks", " thank you!", " thx", " ?", "??"];

    // Whole-phrase swaps that keep the meaning (and the words the FAQ index matches on) of shop questions.
    private static readonly (string From, string[] To)[] EnglishSynonyms =
    [
        ("how do i", ["how can i", "how should i", "what's the way to"]),
        ("how can i", ["how do i", "is it possible to"]),
        ("can i", ["am i able to", "could i", "is it ok to"]),
        ("do you", ["does the shop", "do u"]),
        ("what is", ["what's", "whats"]),
        ("what are", ["which are", "what r"]),
        ("my order", ["my purchase", "the order i placed"]),
        ("package", ["parcel"]),
        ("parcel", ["package"]),
        ("delivery", ["shipping"]),
        ("shipping", ["delivery"]),
        ("receive", ["get"]),
        ("item", ["product"]),
        ("is there", ["do you have"]),
        ("how long", ["how much time"]),
        ("where can i", ["where do i"]),
    ];

    private static readonly string[] ChinesePrefixes = ["请问", "你好，", "您好，请问", "亲，", "麻烦问一下，", "想问下，"];

    private static readonly string[] ChineseSuffixes = ["呢", "呀", "啊？", "？谢谢", "，谢谢"];

    private static readonly (string From, string[] To)[] ChineseSynonyms =
    [
        ("怎么", ["如何", "怎样"]),
        ("如何", ["怎么", "怎样"]),
        ("可以", ["能", "能不能"]),
        ("查看", ["查询"]),
        ("是否", ["是不是"]),
        ("多久", ["多长时间"]),
    ];

    /// <summary>True for words the policy always reads as "a person, please" (questions with them are not FAQ load).</summary>
    public static bool AsksForPerson(string text) => PersonWords().IsMatch(text);

    /// <summary>True when most characters of <paramref name="text"/> that are letters are CJK ideographs.</summary>
    public static bool IsChinese(string text)
    {
        int cjk = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                cjk++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return cjk > latin;
    }

    /// <summary>A paraphrase of <paramref name="question"/> (not blank): never empty, never equal to it.</summary>
    public static string Paraphrase(string question, Random random)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentNullException.ThrowIfNull(random);
        var source = question.Trim();
        var text = IsChinese(source) ? Chinese(source, random) : English(source, random);
        if (Normalize(text) == Normalize(source))
        {
            // Every transformation happened to be a no-op (or cancelled out): a prefix always changes the words.
            text = IsChinese(source) ? ChinesePrefixes[0] + text : Prefixed(EnglishPrefixes[0], text);
        }

        return text;
    }

    private static string English(string source, Random random)
    {
        var text = source;
        if (random.NextDouble() < 0.6)
        {
            text = Swap(text, EnglishSynonyms, random, ignoreCase: true);
        }

        if (random.NextDouble() < 0.3)
        {
            text = MoveTailToFront(text);
        }

        if (random.NextDouble() < 0.5)
        {
            text = text.TrimEnd('?', '.', '!');
        }

        if (random.NextDouble() < 0.4)
        {
            text = text.ToLowerInvariant();
        }

        if (random.NextDouble() < 0.3)
        {
            text = Typo(text, random);
        }

        var polite = random.Next(4);
        if (polite is 0 or 2)
        {
            text = Prefixed(EnglishPrefixes[random.Next(EnglishPrefixes.Length)], text);
        }

        if (polite is 1 or 2)
        {
            text += EnglishSuffixes[random.Next(EnglishSuffixes.Length)];
        }

        return text;
    }

    private static string Chinese(string source, Random random)
    {
        var text = source;
        if (random.NextDouble() < 0.6)
        {
            text = Swap(text, ChineseSynonyms, random, ignoreCase: false);
        }

        if (random.NextDouble() < 0.5)
        {
            text = text.TrimEnd('？', '?', '。');
        }

        var polite = random.Next(4);
        if (polite is 0 or 2)
        {
            text = ChinesePrefixes[random.Next(ChinesePrefixes.Length)] + text;
        }

        if (polite is 1 or 2)
        {
            text = text.TrimEnd('？', '?', '。') + ChineseSuffixes[random.Next(ChineseSuffixes.Length)];
        }

        return text;
    }

    // "hi, " + "How do I…" reads "hi, how do I…" (a capital that starts a name or "I" stays).
    private static string Prefixed(string prefix, string text) =>
        prefix + (char.IsUpper(text[0]) && text.Length > 1 && char.IsLower(text[1]) && !text.StartsWith("I ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text);

    // Replaces the first listed phrase found (at a word boundary for English) with one of its synonyms.
    private static string Swap(string text, (string From, string[] To)[] synonyms, Random random, bool ignoreCase)
    {
        var start = random.Next(synonyms.Length);
        for (var i = 0; i < synonyms.Length; i++)
        {
            var (from, to) = synonyms[(start + i) % synonyms.Length];
            var at = ignoreCase ? IndexOfWord(text, from) : text.IndexOf(from, StringComparison.Ordinal);
            if (at >= 0)
            {
                var replacement = to[random.Next(to.Length)];
                if (ignoreCase && char.IsUpper(text[at]))
                {
                    replacement = char.ToUpperInvariant(replacement[0]) + replacement[1..];
                }

                return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + from.Length));
            }
        }

        return text;
    }

    private static int IndexOfWord(string text, string phrase)
    {
        var at = 0;
        while ((at = text.IndexOf(phrase, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + phrase.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return at;
            }

            at++;
        }

        return -1;
    }

    // "How do I return an item for a refund?" -> "For a refund, how do I return an item?": the word order changes, the words do not.
    private static string MoveTailToFront(string text)
    {
        var match = TailPhrase().Match(text);
        if (!match.Success || match.Index == 0)
        {
            return text;
        }

        var head = text[..match.Index].TrimEnd();
        var tail = match.Groups["tail"].Value.Trim();
        var mark = match.Groups["mark"].Value;
        if (head.Length == 0 || tail.Length == 0)
        {
            return text;
        }

        var lowerHead = char.IsUpper(head[0]) && head.Length > 1 && char.IsLower(head[1]) ? char.ToLowerInvariant(head[0]) + head[1..] : head;
        return char.ToUpperInvariant(tail[0]) + tail[1..] + ", " + lowerHead + mark;
    }

    // One slip of the finger in a word of 5+ letters: two neighbours swapped or a letter doubled (never the word's first letter).
    private static string Typo(string text, Random random)
    {
        var words = LongWord().Matches(text);
        if (words.Count == 0)
        {
            return text;
        }

        var word = words[random.Next(words.Count)];
        var i = word.Index + 1 + random.Next(word.Length - 2);
        var sb = new StringBuilder(text);
        if (random.Next(2) == 0)
        {
            (sb[i], sb[i + 1]) = (sb[i + 1], sb[i]);
        }
        else
        {
            sb.Insert(i, sb[i]);
        }

        return sb.ToString();
    }

    private static string Normalize(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    [GeneratedRegex(@"(?i)人工|真人|human agent|real person|\bhuman\b|\bperson\b|speak to someone|talk to someone")]
    private static partial Regex PersonWords();

    [GeneratedRegex(@"\s(?<tail>(?:for|with|on|in|after|before|during|from|without)\s[^,?!.]{3,})(?<mark>[?!.]?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TailPhrase();

    [GeneratedRegex(@"\p{L}{5,}")]
    private static partial Regex LongWord();
}
