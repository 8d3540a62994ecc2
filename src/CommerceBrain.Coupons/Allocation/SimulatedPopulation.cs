namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// The documented data-generating process behind the optimiser's report and tests (docs/coupons.md, "Allocation
/// optimiser"): customers with known true conversion probabilities per coupon face value, so the reported uplift is
/// measured against ground truth, not against the model's own predictions.
/// </summary>
/// <remarks>
/// Base propensity (logit): −2.6 + 0.9·vip − 0.4·new + 0.3·ln(1 + orders) − 0.012·min(days, 120).
/// Coupon effect (logit): amp · (1 − e^(−r/κ)) with r = face / average order value, amp = 2.4·s^1.5 + 0.6·new − 0.25·vip,
/// κ = 0.06 + 0.2·(1 − s), s the price sensitivity. So the uplift is heterogeneous: sensitive and new customers respond
/// strongly and saturate early, insensitive VIPs barely respond (slightly negatively), and the same coupon matters more
/// for a small basket. Customer mix: 30% new, 55% regular, 15% VIP.
/// </remarks>
public static class SimulatedPopulation
{
    /// <summary>Draws <paramref name="count"/> customers.</summary>
    public static CustomerFeatures[] Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var customers = new CustomerFeatures[count];
        for (var i = 0; i < count; i++)
            customers[i] = Draw(random);
        return customers;
    }

    /// <summary>Draws one customer.</summary>
    public static CustomerFeatures Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u = random.NextDouble();
        var segment = u < 0.30 ? CustomerSegment.New : u < 0.85 ? CustomerSegment.Regular : CustomerSegment.Vip;
        var (orders, medianAov, days, sensitivity) = segment switch
        {
            CustomerSegment.New => (0, 2500.0, 0, 0.3 + 0.7 * random.NextDouble()),
            CustomerSegment.Regular => (Poisson(random, 2.0), 4000.0, (int)Exponential(random, 30), random.NextDouble()),
            _ => (1 + Poisson(random, 6.0), 8000.0, (int)Exponential(random, 10), 0.6 * Math.Pow(random.NextDouble(), 1.5)),
        };
        var aov = (long)Math.Max(300, medianAov * Math.Exp(0.5 * Normal(random)));
        return new CustomerFeatures(segment, orders, aov, days, sensitivity);
    }

    /// <summary>The true probability that <paramref name="customer"/> orders within the campaign when given a coupon of <paramref name="faceValue"/> (0 = none).</summary>
    public static double TrueConversion(in CustomerFeatures customer, long faceValue)
    {
        var isNew = customer.Segment == CustomerSegment.New ? 1.0 : 0.0;
        var isVip = customer.Segment == CustomerSegment.Vip ? 1.0 : 0.0;
        var s = customer.PriceSensitivity;
        var logit = -2.6 + 0.9 * isVip - 0.4 * isNew + 0.3 * Math.Log(1 + customer.RecentOrders)
                    - 0.012 * Math.Min(customer.DaysSinceLastOrder, 120);
        if (faceValue > 0)
        {
            var r = (double)faceValue / customer.AverageOrderValue;
            var amp = 2.4 * Math.Pow(s, 1.5) + 0.6 * isNew - 0.25 * isVip;
            var kappa = 0.06 + 0.2 * (1 - s);
            logit += amp * (1 - Math.Exp(-r / kappa));
        }

        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>Σ true conversions of an allocation (<paramref name="choice"/>[i] = tier index or −1 for none).</summary>
    public static double TrueConversions(ReadOnlySpan<CustomerFeatures> customers, ReadOnlySpan<int> choice, IReadOnlyList<TierOption> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var total = 0.0;
        for (var i = 0; i < customers.Length; i++)
            total += TrueConversion(customers[i], choice[i] < 0 ? 0 : tiers[choice[i]].FaceValue);
        return total;
    }

    internal static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }
}
