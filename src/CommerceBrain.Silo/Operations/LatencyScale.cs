namespace CommerceBrain.Silo.Operations;

/// <summary>Upper bounds of a histogram's buckets (ascending; one overflow bucket follows the last).</summary>
public sealed class LatencyScale
{
    private LatencyScale(double[] bounds) => Bounds = bounds;

    /// <summary>Milliseconds, for HTTP requests and session turns.</summary>
    public static LatencyScale Milliseconds { get; } = new([1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000]);

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
