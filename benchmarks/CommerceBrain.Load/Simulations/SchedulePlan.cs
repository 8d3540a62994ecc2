namespace CommerceBrain.Load.Simulations;

/// <summary>Turns load simulations into planned stretches (pure: no clock, no threads).</summary>
internal static class SchedulePlan
{
    /// <summary>The stretches of <paramref name="simulations"/>, back to back from 0.</summary>
    public static IReadOnlyList<PlannedSegment> Build(IReadOnlyList<LoadSimulation> simulations)
    {
        var plan = new List<PlannedSegment>(simulations.Count);
        var start = 0.0;
        var rate = 0.0;   // the open model's rate at the end of the previous stretch
        var copies = 0;   // the closed model's copies at the end of the previous stretch
        foreach (var simulation in simulations)
        {
            var d = simulation.During.TotalSeconds;
            PlannedSegment segment;
            switch (simulation)
            {
                case InjectSimulation inject:
                    var r = inject.Rate / inject.Interval.TotalSeconds;
                    segment = new PlannedSegment(SegmentModel.Open, start, d, r, r, 0, 0, 0);
                    rate = r;
                    copies = 0;
                    break;
                case RampingInjectSimulation ramp:
                    var target = ramp.Rate / ramp.Interval.TotalSeconds;
                    segment = new PlannedSegment(SegmentModel.Open, start, d, rate, target, 0, 0, 0);
                    rate = target;
                    copies = 0;
                    break;
                case BurstSimulation burst:
                    segment = new PlannedSegment(SegmentModel.Open, start, d, 0, 0, burst.Count, 0, 0);
                    rate = 0;
                    copies = 0;
                    break;
                case KeepConstantSimulation keep:
                    segment = new PlannedSegment(SegmentModel.Closed, start, d, 0, 0, 0, keep.Copies, keep.Copies);
                    copies = keep.Copies;
                    rate = 0;
                    break;
                case RampingConstantSimulation rampCopies:
                    segment = new PlannedSegment(SegmentModel.Closed, start, d, 0, 0, 0, copies, rampCopies.Copies);
                    copies = rampCopies.Copies;
                    rate = 0;
                    break;
                case PauseSimulation:
                    segment = new PlannedSegment(SegmentModel.Pause, start, d, 0, 0, 0, 0, 0);
                    rate = 0;
                    copies = 0;
                    break;
                default:
                    throw new ArgumentException($"unknown load simulation {simulation.GetType().Name}", nameof(simulations));
            }

            plan.Add(segment);
            start += d;
        }

        return plan;
    }

    /// <summary>The first <paramref name="seconds"/> of <paramref name="plan"/> (the warm-up runs this prefix).</summary>
    public static IReadOnlyList<PlannedSegment> Truncate(IReadOnlyList<PlannedSegment> plan, double seconds)
    {
        var result = new List<PlannedSegment>();
        foreach (var s in plan)
        {
            if (s.StartSeconds >= seconds)
            {
                break;
            }

            if (s.EndSeconds <= seconds)
            {
                result.Add(s);
                continue;
            }

            // Cut the stretch where the warm-up ends, keeping the rate/copies it has reached there.
            var d = seconds - s.StartSeconds;
            var f = d / s.DurationSeconds;
            result.Add(s with
            {
                DurationSeconds = d,
                EndRate = s.StartRate + ((s.EndRate - s.StartRate) * f),
                EndCopies = s.CopiesAt(d),
            });
            break;
        }

        return result;
    }
}
