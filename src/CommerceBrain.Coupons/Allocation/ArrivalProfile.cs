namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// Claim arrivals over a campaign window: a flat base rate plus a Gaussian demand peak, density ∝ 1 + Height·e^(−(τ−At)²/(2·Width²))
/// over window fraction τ ∈ [0, 1].
/// </summary>
/// <param name="PeakAt">Peak position as a window fraction.</param>
/// <param name="PeakWidth">Peak standard deviation as a window fraction.</param>
/// <param name="PeakHeight">Peak density over the base rate (0 = flat).</param>
public sealed record ArrivalProfile(double PeakAt = 0.8, double PeakWidth = 0.05, double PeakHeight = 6)
{
    private const int Steps = 2048;
    private double[]? cdf;

    /// <summary>The unnormalised density at <paramref name="tau"/>.</summary>
    public double Density(double tau) => 1 + PeakHeight * Math.Exp(-Math.Pow(tau - PeakAt, 2) / (2 * PeakWidth * PeakWidth));

    /// <summary>The share of arrivals expected by <paramref name="tau"/> (a pacing target curve).</summary>
    public double Cumulative(double tau)
    {
        var table = cdf ??= BuildCdf();
        var x = Math.Clamp(tau, 0, 1) * Steps;
        var k = Math.Min((int)x, Steps - 1);
        return table[k] + (table[k + 1] - table[k]) * (x - k);
    }

    /// <summary>Draws <paramref name="count"/> sorted arrival times (window fractions) by rejection sampling.</summary>
    public double[] Sample(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var top = 1 + Math.Max(0, PeakHeight);
        var times = new double[count];
        for (var i = 0; i < count;)
        {
            var tau = random.NextDouble();
            if (random.NextDouble() * top <= Density(tau))
                times[i++] = tau;
        }

        Array.Sort(times);
        return times;
    }

    private double[] BuildCdf()
    {
        var table = new double[Steps + 1];
        for (var k = 1; k <= Steps; k++)
            table[k] = table[k - 1] + Density((k - 0.5) / Steps);
        for (var k = 1; k <= Steps; k++)
            table[k] /= table[Steps];
        return table;
    }
}
