namespace CommerceBrain.Silo.Operations;

/// <summary>
/// Counts per bucket of a fixed scale (<see cref="LatencyScale"/>), plus the largest value seen: small enough to keep one
/// per second for 15 minutes, and histograms of several silos and seconds add up, which percentiles would not.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("operations.latency-histogram")]
public sealed record LatencyHistogram(
    [property: Id(0)] int[] Counts,
    [property: Id(1)] double Max)
{
    /// <summary>How many values the histogram holds.</summary>
    public long Total => Counts.Sum(c => (long)c);

    /// <summary>The sum of both (same scale); null when both are null.</summary>
    public static LatencyHistogram? Merge(LatencyHistogram? a, LatencyHistogram? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        var counts = new int[Math.Max(a.Counts.Length, b.Counts.Length)];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = (i < a.Counts.Length ? a.Counts[i] : 0) + (i < b.Counts.Length ? b.Counts[i] : 0);
        }

        return new LatencyHistogram(counts, Math.Max(a.Max, b.Max));
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0–1) as the upper bound of the bucket that holds it, capped by the largest value
    /// seen (so the overflow bucket and a single sample report the true maximum); null when the histogram is empty.
    /// </summary>
    public double? Percentile(LatencyScale scale, double quantile)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var total = Total;
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var i = 0; i < Counts.Length; i++)
        {
            seen += Counts[i];
            if (seen >= rank)
            {
                return i < scale.Bounds.Count ? Math.Min(scale.Bounds[i], Max) : Max;
            }
        }

        return Max;
    }
}
