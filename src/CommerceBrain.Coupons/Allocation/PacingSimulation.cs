namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// Replays a campaign window of claims through an <see cref="OnlineTierChooser"/>: arrivals in time order, each decided
/// with the spend so far, spend tracked against the controller's target curve.
/// </summary>
public static class PacingSimulation
{
    /// <summary>Runs the replay.</summary>
    /// <param name="chooser">The online optimiser (its controller carries state; use a fresh one per run).</param>
    /// <param name="probabilities">Per arrival, in arrival order: [none, tier 0, …].</param>
    /// <param name="arrivals">Arrival times as sorted window fractions.</param>
    /// <param name="tiers">The campaign's tiers.</param>
    /// <param name="budget">The budget in minor units.</param>
    /// <param name="checkpoints">How many evenly spaced points of the spend curve to record.</param>
    public static PacingOutcome Run(OnlineTierChooser chooser, ReadOnlySpan<float> probabilities, ReadOnlySpan<double> arrivals,
        IReadOnlyList<TierOption> tiers, long budget, int checkpoints = 48)
    {
        ArgumentNullException.ThrowIfNull(chooser);
        ArgumentNullException.ThrowIfNull(tiers);
        var width = tiers.Count + 1;
        if (probabilities.Length != arrivals.Length * width)
            throw new ArgumentException("One row of probabilities per arrival is needed.", nameof(probabilities));
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddDays(1);
        var cheapest = tiers.Min(t => t.FaceValue);
        var choice = new int[arrivals.Length];
        var curve = new List<PacingPoint>();
        var spent = 0.0;
        double? exhaustedAt = null;
        var next = 1;
        for (var i = 0; i < arrivals.Length; i++)
        {
            while (next <= checkpoints && arrivals[i] >= (double)next / checkpoints)
                curve.Add(Point(chooser, budget, spent, start, end, (double)next++ / checkpoints));
            var now = start + (end - start) * arrivals[i];
            var decision = chooser.Decide(probabilities.Slice(i * width, width), tiers, new PacingState(budget, spent, start, end, now));
            choice[i] = decision.Tier;
            if (decision.Tier >= 0)
                spent += chooser.CostOf(tiers[decision.Tier], probabilities[i * width + 1 + decision.Tier]);
            if (exhaustedAt is null && budget - spent < cheapest)
                exhaustedAt = arrivals[i];
        }

        while (next <= checkpoints)
            curve.Add(Point(chooser, budget, spent, start, end, (double)next++ / checkpoints));
        return new PacingOutcome(choice, spent, exhaustedAt, curve);
    }

    private static PacingPoint Point(OnlineTierChooser chooser, long budget, double spent, DateTimeOffset start, DateTimeOffset end, double tau)
    {
        var state = new PacingState(budget, spent, start, end, start + (end - start) * tau);
        return new PacingPoint(tau, spent, chooser.Controller.Target(state), chooser.Controller.Lambda);
    }
}

/// <summary>One point of a replay's spend curve.</summary>
/// <param name="Elapsed">Window fraction.</param>
/// <param name="Spent">Spend so far.</param>
/// <param name="Target">The target curve's spend.</param>
/// <param name="Lambda">λ at that moment.</param>
public sealed record PacingPoint(double Elapsed, double Spent, double Target, double Lambda);

/// <summary>The outcome of a replay.</summary>
/// <param name="Choice">Per arrival the tier index or −1.</param>
/// <param name="Spent">Total spend.</param>
/// <param name="ExhaustedAt">Window fraction at which less than the cheapest tier was left, or null if it never ran out.</param>
/// <param name="Curve">Spend against target over the window.</param>
public sealed record PacingOutcome(int[] Choice, double Spent, double? ExhaustedAt, IReadOnlyList<PacingPoint> Curve)
{
    /// <summary>The largest |spent − target| / budget over the recorded points.</summary>
    public double MaxDeviation(long budget) => Curve.Count == 0 ? 0 : Curve.Max(p => Math.Abs(p.Spent - p.Target)) / budget;
}
