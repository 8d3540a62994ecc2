namespace CommerceBrain.Agents.Assist;

/// <summary>
/// Orders suggestions from all sources on one scale: score first (FAQ fused scores and question similarity are both in
/// [0, 1]); among equal scores the shop's own FAQ, then the platform's, then earlier agent answers; the same text
/// (ignoring case and spacing) appears once, with its best score; at most <c>maxPerSource</c> come from one source, so a
/// pile of near FAQ hits never hides the answer a colleague gave to the same question.
/// </summary>
public static class SuggestionRanking
{
    /// <summary>The best <paramref name="max"/> of <paramref name="candidates"/> at or above <paramref name="minScore"/>.</summary>
    public static IReadOnlyList<AssistSuggestion> Rank(IEnumerable<AssistSuggestion> candidates, int max, double minScore, int maxPerSource = 3) =>
        candidates
            .Where(c => c.Score >= minScore && !string.IsNullOrWhiteSpace(c.Text))
            .GroupBy(c => Normalised(c.Text), StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(c => c.Score).ThenBy(c => SourceRank(c.Source)).First())
            .OrderByDescending(c => c.Score)
            .ThenBy(c => SourceRank(c.Source))
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .GroupBy(c => c.Source, StringComparer.Ordinal)
            .SelectMany(g => g.Take(Math.Max(1, maxPerSource)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => SourceRank(c.Source))
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .Take(Math.Max(0, max))
            .ToArray();

    private static int SourceRank(string source) => source switch
    {
        "shop-faq" => 0,
        "faq" => 1,
        _ => 2,
    };

    private static string Normalised(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
