namespace CommerceBrain.Coupons.Grains;

/// <summary>
/// Grants per second over the last <see cref="Seconds"/> whole seconds, and an optional ceiling per second: one
/// bucket per second, so counting is O(1) and needs no timers.
/// </summary>
internal sealed class IssuanceWindow(int? ceilingPerSecond)
{
    public const int Seconds = 5;

    private readonly long[] counts = new long[Seconds + 1];
    private readonly long[] stamps = new long[Seconds + 1];

    /// <summary>Whether one more grant fits under the ceiling in the current second.</summary>
    public bool HasRoom(DateTimeOffset now) => ceilingPerSecond is not { } ceiling || Current(now) < ceiling;

    /// <summary>Counts a grant in the current second.</summary>
    public void Count(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        var slot = (int)(second % counts.Length);
        if (stamps[slot] != second)
        {
            stamps[slot] = second;
            counts[slot] = 0;
        }

        counts[slot]++;
    }

    private long Current(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        var slot = (int)(second % counts.Length);
        return stamps[slot] == second ? counts[slot] : 0;
    }

    /// <summary>The mean over the last <see cref="Seconds"/> whole seconds (the current one left out).</summary>
    public double RatePerSecond(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        long total = 0;
        for (var back = 1; back <= Seconds; back++)
        {
            var s = second - back;
            var slot = (int)(s % counts.Length);
            if (stamps[slot] == s)
            {
                total += counts[slot];
            }
        }

        return total / (double)Seconds;
    }
}
