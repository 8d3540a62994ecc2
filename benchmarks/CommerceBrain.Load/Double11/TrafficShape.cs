namespace CommerceBrain.Load.Double11;

/// <summary>
/// The Double-11 day in miniature: an everyday rate (a tenth of the peak), a ramp to the peak, the peak, a ramp back and
/// everyday again — 10 % / 20 % / 40 % / 20 % / 10 % of the duration — so the peak is the middle of the run and the
/// storm (at half the duration by default) falls inside it.
/// </summary>
public static class TrafficShape
{
    /// <summary>The everyday rate as a share of the peak (the peak is 10× the everyday rate).</summary>
    public const double EverydayShare = 0.1;

    private static readonly (string Name, double Share, bool Rising, bool Falling, bool Peak)[] Layout =
    [
        ("everyday", 0.10, false, false, false),
        ("ramp-up", 0.20, true, false, false),
        ("peak", 0.40, false, false, true),
        ("ramp-down", 0.20, false, true, false),
        ("everyday-after", 0.10, false, false, false),
    ];

    /// <summary>The phases for a peak of <paramref name="peak"/> iterations/s over <paramref name="duration"/>.</summary>
    public static IReadOnlyList<ShapePhase> Phases(double peak, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(peak);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var everyday = peak * EverydayShare;
        var phases = new List<ShapePhase>(Layout.Length);
        var used = TimeSpan.Zero;
        for (var i = 0; i < Layout.Length; i++)
        {
            var (name, share, rising, falling, isPeak) = Layout[i];
            // The last phase takes the rounding remainder, so the phases add up to the duration exactly.
            var during = i == Layout.Length - 1 ? duration - used : TimeSpan.FromTicks((long)(duration.Ticks * share));
            used += during;
            var (from, to) = rising ? (everyday, peak) : falling ? (peak, everyday) : isPeak ? (peak, peak) : (everyday, everyday);
            phases.Add(new ShapePhase(name, from, to, during));
        }

        return phases;
    }

    /// <summary>The scheduled rate (iterations/s) at <paramref name="at"/> into the run.</summary>
    public static double RateAt(IReadOnlyList<ShapePhase> phases, TimeSpan at)
    {
        var start = TimeSpan.Zero;
        foreach (var phase in phases)
        {
            if (at < start + phase.During)
            {
                var progress = (at - start).TotalSeconds / phase.During.TotalSeconds;
                return phase.From + (phase.To - phase.From) * progress;
            }

            start += phase.During;
        }

        return 0;
    }

    /// <summary>
    /// Splits the phases at <paramref name="at"/> (0 &lt; at &lt; their total): the phase it falls in becomes two, the
    /// rate at the cut being where the line was. The coupon storm is inserted there.
    /// </summary>
    public static (IReadOnlyList<ShapePhase> Before, IReadOnlyList<ShapePhase> After) SplitAt(IReadOnlyList<ShapePhase> phases, TimeSpan at)
    {
        var before = new List<ShapePhase>();
        var after = new List<ShapePhase>();
        var start = TimeSpan.Zero;
        foreach (var phase in phases)
        {
            var end = start + phase.During;
            if (end <= at)
            {
                before.Add(phase);
            }
            else if (start >= at)
            {
                after.Add(phase);
            }
            else
            {
                var cut = phase.From + (phase.To - phase.From) * ((at - start).TotalSeconds / phase.During.TotalSeconds);
                before.Add(phase with { To = cut, During = at - start });
                after.Add(phase with { From = cut, During = end - at });
            }

            start = end;
        }

        return (before, after);
    }

    /// <summary>
    /// A rate in iterations/s as a whole count per interval (the simulations take integers): the shortest interval of
    /// 1, 2, 5, 10, 20, 30 or 60 s that puts the count within 2 % of the rate, or the closest of them.
    /// </summary>
    public static TimeSpan IntervalFor(double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        int[] seconds = [1, 2, 5, 10, 20, 30, 60];
        var best = seconds[^1];
        var bestError = double.MaxValue;
        foreach (var s in seconds)
        {
            var count = Math.Round(perSecond * s);
            var error = count < 1 ? double.MaxValue : Math.Abs(count / s - perSecond) / perSecond;
            if (error <= 0.02)
            {
                return TimeSpan.FromSeconds(s);
            }

            if (error < bestError)
            {
                (best, bestError) = (s, error);
            }
        }

        return TimeSpan.FromSeconds(best);
    }

    /// <summary>Iterations per <paramref name="interval"/> at <paramref name="perSecond"/>, at least 1.</summary>
    public static int CountPer(double perSecond, TimeSpan interval) => Math.Max(1, (int)Math.Round(perSecond * interval.TotalSeconds));
}
