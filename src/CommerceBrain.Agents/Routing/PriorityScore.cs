namespace CommerceBrain.Agents.Routing;

/// <summary>
/// A waiting session's priority: higher is served first. Waiting ages every session at the same rate, VIPs, unhappy
/// customers and large orders start ahead, and a session re-queued after an SLA breach jumps to the front.
/// </summary>
public static class PriorityScore
{
    /// <summary>The segment name that counts as VIP.</summary>
    public const string VipSegment = "vip";

    /// <summary>
    /// The score for a session that has waited <paramref name="waited"/>, of <paramref name="segment"/>, with
    /// <paramref name="sentiment"/> in [-1, 1] and a largest touched order of <paramref name="orderValue"/> minor units.
    /// </summary>
    public static double Compute(TimeSpan waited, string? segment, double sentiment, long orderValue, bool breached, PriorityWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var score = Math.Max(0, waited.TotalMinutes) * weights.PerMinuteWaited;
        if (string.Equals(segment, VipSegment, StringComparison.OrdinalIgnoreCase))
        {
            score += weights.Vip;
        }

        if (double.IsFinite(sentiment) && sentiment < 0)
        {
            score += Math.Min(1, -sentiment) * weights.NegativeSentiment;
        }

        if (orderValue > 100)
        {
            score += Math.Log10(orderValue / 100.0) * weights.PerOrderValueDecade;
        }

        if (breached)
        {
            score += weights.Breached;
        }

        return Math.Round(score, 3);
    }
}
