namespace CommerceBrain.Agents;

/// <summary>How much each factor adds to a waiting session's priority (see <see cref="Routing.PriorityScore"/>).</summary>
public sealed class PriorityWeights
{
    /// <summary>Points per minute waited: everyone ages, so nobody waits forever behind VIPs.</summary>
    public double PerMinuteWaited { get; set; } = 1.0;

    /// <summary>Points for a customer in the VIP segment.</summary>
    public double Vip { get; set; } = 5.0;

    /// <summary>Points at sentiment −1 (linear from 0; positive sentiment adds nothing).</summary>
    public double NegativeSentiment { get; set; } = 6.0;

    /// <summary>Points per tenfold order value above one major unit (100 minor units): log-scaled so huge orders do not swamp the rest.</summary>
    public double PerOrderValueDecade { get; set; } = 2.0;

    /// <summary>Points for a session re-queued after an SLA breach: it goes to the front.</summary>
    public double Breached { get; set; } = 1000.0;
}
