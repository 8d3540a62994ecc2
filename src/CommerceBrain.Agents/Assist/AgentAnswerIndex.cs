using Microsoft.Extensions.Options;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// A bounded per-silo index of (customer question → agent answer) pairs learned from resolved sessions on this silo
/// (the oldest pair leaves when it is full); matched by <see cref="TextSimilarity"/>. In memory by design: it is a
/// suggestion cache that refills as sessions resolve, not a record.
/// </summary>
public sealed class AgentAnswerIndex(IOptions<AgentsOptions> options)
{
    private readonly Lock gate = new();
    private readonly LinkedList<(LearnedAnswer Pair, HashSet<string> Tokens)> pairs = new();
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);

    /// <summary>Pairs held now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return pairs.Count;
            }
        }
    }

    /// <summary>Adds a pair (a repeat of the same question and answer is ignored); the oldest leaves beyond the bound.</summary>
    public void Learn(LearnedAnswer pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var tokens = TextSimilarity.Tokens(pair.Question);
        if (tokens.Count == 0 || string.IsNullOrWhiteSpace(pair.Answer))
        {
            return;
        }

        var key = pair.Question.Trim() + "\n" + pair.Answer.Trim();
        lock (gate)
        {
            if (!keys.Add(key))
            {
                return;
            }

            pairs.AddLast((pair, tokens));
            while (pairs.Count > Math.Max(1, options.Value.Assist.MaxLearnedAnswers))
            {
                var oldest = pairs.First!.Value.Pair;
                keys.Remove(oldest.Question.Trim() + "\n" + oldest.Answer.Trim());
                pairs.RemoveFirst();
            }
        }
    }

    /// <summary>The best <paramref name="max"/> answers to questions like <paramref name="question"/> with their similarity, best first.</summary>
    public IReadOnlyList<(LearnedAnswer Pair, double Score)> Similar(string question, int max, double minScore)
    {
        var tokens = TextSimilarity.Tokens(question);
        List<(LearnedAnswer Pair, HashSet<string> Tokens)> snapshot;
        lock (gate)
        {
            snapshot = [.. pairs];
        }

        return snapshot
            .Select(p => (p.Pair, Score: TextSimilarity.Jaccard(tokens, p.Tokens)))
            .Where(p => p.Score >= minScore)
            .OrderByDescending(p => p.Score)
            .Take(max)
            .ToArray();
    }
}
