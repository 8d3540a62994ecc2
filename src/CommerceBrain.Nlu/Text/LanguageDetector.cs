namespace CommerceBrain.Nlu.Text;

/// <summary>Tells Chinese from English text the cheap way: by script, with no model.</summary>
public static class LanguageDetector
{
    /// <summary>Chinese.</summary>
    public const string Chinese = "zh";

    /// <summary>English (also the answer for text without letters).</summary>
    public const string English = "en";

    /// <summary>
    /// <c>zh</c> when CJK characters make up most of the letters, a CJK character counting as two letters (one carries
    /// about as much as a short English word's worth of letters, so "iphone 15 什么时候发货" is Chinese); otherwise <c>en</c>.
    /// </summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        var cjk = 0;
        var other = 0;
        foreach (var c in text)
        {
            if (Tokenizer.IsCjk(c))
            {
                cjk++;
            }
            else if (char.IsLetter(c))
            {
                other++;
            }
        }

        return cjk > 0 && 2 * cjk >= other ? Chinese : English;
    }
}
