namespace CommerceBrain.Load.Simulations;

/// <summary>How a planned stretch runs.</summary>
internal enum SegmentModel
{
    /// <summary>Nothing runs.</summary>
    Pause,

    /// <summary>A scheduler releases iterations at their intended times.</summary>
    Open,

    /// <summary>A number of copies loop.</summary>
    Closed,
}

/// <summary>
/// One stretch of a scenario's schedule in pure numbers: open stretches move linearly from <see cref="StartRate"/> to
/// <see cref="EndRate"/> iterations/s (plus <see cref="Burst"/> at the start); closed ones from <see cref="StartCopies"/>
/// to <see cref="EndCopies"/>. Offsets are seconds since the schedule's start.
/// </summary>
internal readonly record struct PlannedSegment(
    SegmentModel Model,
    double StartSeconds,
    double DurationSeconds,
    double StartRate,
    double EndRate,
    long Burst,
    int StartCopies,
    int EndCopies)
{
    /// <summary>End of the stretch, seconds since the schedule's start.</summary>
    public double EndSeconds => StartSeconds + DurationSeconds;

    /// <summary>Iterations an open stretch releases: the burst plus every k with N(t_k) = k and t_k &lt; duration.</summary>
    public long IterationCount
    {
        get
        {
            if (Model != SegmentModel.Open)
            {
                return 0;
            }

            var area = (StartRate + EndRate) / 2 * DurationSeconds;
            // Tiny tolerance so that 100/s for 1 s is exactly 100 iterations, not 101 from rounding noise.
            var count = (long)Math.Ceiling(area - 1e-9);
            return Burst + Math.Max(0, count);
        }
    }

    /// <summary>
    /// Intended release of the <paramref name="k"/>-th iteration of an open stretch, in seconds since the stretch's start:
    /// the burst at 0, then the time t where the cumulative count r0·t + (r1−r0)·t²/(2D) reaches k.
    /// </summary>
    public double OffsetSeconds(long k)
    {
        if (k < Burst)
        {
            return 0;
        }

        k -= Burst;
        var b = StartRate;
        var a = (EndRate - StartRate) / (2 * DurationSeconds);
        if (k == 0)
        {
            return 0;
        }

        if (Math.Abs(a) < 1e-12)
        {
            return k / b;
        }

        // 2k / (b + sqrt(b² + 4ak)) is the root of a·t² + b·t − k = 0 without the cancellation of the textbook form.
        var discriminant = Math.Max(0, (b * b) + (4 * a * k));
        return 2 * k / (b + Math.Sqrt(discriminant));
    }

    /// <summary>Copies a closed stretch wants <paramref name="elapsedSeconds"/> after its start.</summary>
    public int CopiesAt(double elapsedSeconds)
    {
        if (StartCopies == EndCopies)
        {
            return EndCopies;
        }

        var f = Math.Clamp(elapsedSeconds / DurationSeconds, 0, 1);
        return (int)Math.Round(StartCopies + ((EndCopies - StartCopies) * f), MidpointRounding.AwayFromZero);
    }
}
