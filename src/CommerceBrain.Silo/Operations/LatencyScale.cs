namespace CommerceBrain.Silo.Operations;

/// <summary>Upper bounds of a histogram's buckets (ascending; one overflow bucket follows the last).</summary>
public sealed class LatencyScale
{
    private LatencyScale(double[] bounds) => Bounds = bounds;

    /// <summary>
    /// Milliseconds, for HTTP requests and session turns: about 1.5× per bucket, so a percentile (a bucket's upper bound)
    /// is at most that much above the true value (a 1-2-5 scale read a 210-ms p99 as 500 ms).
    /// </summary>
    public static LatencyScale Milliseconds { get; } = new([
        1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000, 7_500,
        10_000, 15_000, 30_000,
    ]);

    /// <summary>Seconds, for the wait from queueing to an agent attaching.</summary>
    public static LatencyScale Seconds { get; } = new([0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1_800, 3_600]);

    /// <summary>The buckets' upper bounds (inclusive).</summary>
    public IReadOnlyList<double> Bounds { get; }

    /// <summary>The bucket <paramref name="value"/> falls in (<see cref="Bounds"/>.Count for the overflow bucket).</summary>
    public int BucketOf(double value)
    {
        for (var i = 0; i < Bounds.Count; i++)
        {
            if (value <= Bounds[i])
            {
                return i;
            }
        }

        return Bounds.Count;
    }
}
