using System.Globalization;
using System.Text;

namespace CommerceBrain.Load.Reporting;

/// <summary>
/// A short text of a scenario's OK outcomes by status (<c>answered 950, handed_over 12</c>) and, when its iterations
/// end <see cref="Answered"/> or <see cref="HandedOver"/> (a conversation the bot answered itself or handed to a person,
/// both by design), the automation share: answered / (answered + handed over).
/// </summary>
internal static class OutcomeSummary
{
    /// <summary>The OK status of an iteration the bot answered itself.</summary>
    public const string Answered = "answered";

    /// <summary>The OK status of an iteration the bot handed to a person (by design, not a load error).</summary>
    public const string HandedOver = "handed_over";

    /// <summary>Statuses shown before the rest are summed up as "+N more".</summary>
    public const int Shown = 6;

    /// <summary>Answered / (answered + handed over) in [0, 1]; null when no iteration ended either way.</summary>
    public static double? AutomationShare(IReadOnlyList<OutcomeReport> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        long answered = 0;
        long handedOver = 0;
        foreach (var o in outcomes)
        {
            answered += o.Status == Answered ? o.Count : 0;
            handedOver += o.Status == HandedOver ? o.Count : 0;
        }

        return answered + handedOver == 0 ? null : (double)answered / (answered + handedOver);
    }

    /// <summary>"answered 950, handed_over 12 (automated 98.8 %)"; empty when there are no outcomes.</summary>
    public static string Describe(IReadOnlyList<OutcomeReport> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var text = new StringBuilder();
        for (var i = 0; i < outcomes.Count && i < Shown; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(outcomes[i].Status).Append(' ').Append(outcomes[i].Count.ToString(CultureInfo.InvariantCulture));
        }

        if (outcomes.Count > Shown)
        {
            text.Append(CultureInfo.InvariantCulture, $", +{outcomes.Count - Shown} more");
        }

        if (AutomationShare(outcomes) is { } share)
        {
            text.Append(CultureInfo.InvariantCulture, $" (automated {share * 100:0.0} %)");
        }

        return text.ToString();
    }
}
