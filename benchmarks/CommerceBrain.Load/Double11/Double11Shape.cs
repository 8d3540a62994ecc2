namespace CommerceBrain.Load.Double11;

/// <summary>
/// The <see cref="TrafficShape"/> as the driver's load simulations: each phase an <c>Inject</c> (constant) or a
/// <c>RampingInject</c> (linear from the previous rate) at one interval per scenario, chosen so a whole count per
/// interval is within 2 % of the everyday rate; the coupon scenario gets a <c>Burst</c> at the storm time.
/// </summary>
public static class Double11Shape
{
    /// <summary>How long the storm's burst holds the schedule (taken from the phase after it).</summary>
    public static readonly TimeSpan BurstHold = TimeSpan.FromSeconds(1);

    /// <summary>The everyday → peak → everyday day of a scenario whose peak is <paramref name="peak"/> iterations/s.</summary>
    public static IReadOnlyList<LoadSimulation> Day(double peak, TimeSpan duration)
    {
        var interval = TrafficShape.IntervalFor(peak * TrafficShape.EverydayShare);
        return Simulations(TrafficShape.Phases(peak, duration), interval, rampFromPrevious: false);
    }

    /// <summary>The day of the coupon trickle with a burst of <paramref name="claims"/> claims at <paramref name="at"/>.</summary>
    public static IReadOnlyList<LoadSimulation> Storm(double peak, TimeSpan duration, TimeSpan at, int claims)
    {
        var interval = TrafficShape.IntervalFor(peak * TrafficShape.EverydayShare);
        var (before, after) = TrafficShape.SplitAt(TrafficShape.Phases(peak, duration), at);
        var hold = after.Count > 0 && after[0].During > BurstHold * 2 ? BurstHold : TimeSpan.FromMilliseconds(1);
        var rest = after.Count > 0 ? [after[0] with { During = after[0].During - hold }, .. after.Skip(1)] : after;
        return
        [
            .. Simulations(before, interval, rampFromPrevious: false),
            Simulation.Burst(claims, hold),
            // After a burst there is no "previous rate" to ramp from: the phase after the storm starts at its own rate.
            .. Simulations(rest, interval, rampFromPrevious: true),
        ];
    }

    private static List<LoadSimulation> Simulations(IReadOnlyList<ShapePhase> phases, TimeSpan interval, bool rampFromPrevious)
    {
        var simulations = new List<LoadSimulation>();
        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            if (phase.During <= TimeSpan.Zero)
            {
                continue;
            }

            var first = simulations.Count == 0;
            if (phase.IsConstant)
            {
                simulations.Add(Simulation.Inject(TrafficShape.CountPer(phase.To, interval), interval, phase.During));
            }
            else
            {
                if (first && rampFromPrevious)
                {
                    // Set the starting rate with a short constant stretch, then ramp from it.
                    var start = TimeSpan.FromTicks(Math.Min(interval.Ticks, phase.During.Ticks / 2));
                    simulations.Add(Simulation.Inject(TrafficShape.CountPer(phase.From, interval), interval, start));
                    phase = phase with { During = phase.During - start };
                }

                simulations.Add(Simulation.RampingInject(TrafficShape.CountPer(phase.To, interval), interval, phase.During));
            }
        }

        return simulations;
    }
}
