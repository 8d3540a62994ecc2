using System.Globalization;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// How the peak rate is shared among the scenarios (shares are weights; they are normalised to add up to 1). The coupon
/// share is the everyday trickle of claims; the storm comes on top of it.
/// </summary>
public sealed record Double11Mix(double Faq, double OrderStatus, double Refund, double Handoff, double Coupon)
{
    /// <summary>FAQ 55 %, order status 25 %, refunds 5 %, hand-overs 5 %, coupon claims 10 %.</summary>
    public static Double11Mix Default { get; } = new(55, 25, 5, 5, 10);

    /// <summary>The weights by scenario name.</summary>
    public IReadOnlyDictionary<string, double> Weights => new Dictionary<string, double>
    {
        [Double11Scenarios.Faq] = Faq,
        [Double11Scenarios.OrderStatus] = OrderStatus,
        [Double11Scenarios.Refund] = Refund,
        [Double11Scenarios.Handoff] = Handoff,
        [Double11Scenarios.CouponStorm] = Coupon,
    };

    /// <summary>
    /// Each scenario's peak rate for a total peak of <paramref name="peak"/> iterations/s over the scenarios that run
    /// (<paramref name="running"/>): shares normalised over those, so the rates add up to the peak.
    /// </summary>
    public IReadOnlyDictionary<string, double> PeakRates(double peak, IReadOnlyCollection<string> running)
    {
        var weights = Weights.Where(w => running.Contains(w.Key) && w.Value > 0).ToList();
        var total = weights.Sum(w => w.Value);
        return weights.ToDictionary(w => w.Key, w => peak * w.Value / total);
    }

    /// <summary>Reads <c>mix.faq</c>, <c>mix.order_status</c>, <c>mix.refund</c>, <c>mix.handoff</c>, <c>mix.coupon</c> over the defaults.</summary>
    public static Double11Mix From(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var d = Default;
        var mix = new Double11Mix(
            Share(options, "mix.faq", d.Faq),
            Share(options, "mix.order_status", d.OrderStatus),
            Share(options, "mix.refund", d.Refund),
            Share(options, "mix.handoff", d.Handoff),
            Share(options, "mix.coupon", d.Coupon));
        if (mix.Weights.Values.Sum() <= 0)
        {
            throw new ProfileSettingsException("double11: the mix shares are all 0; give at least one scenario a share above 0.");
        }

        return mix;
    }

    private static double Share(IReadOnlyDictionary<string, string> options, string key, double fallback)
    {
        if (!options.TryGetValue(key, out var text))
        {
            return fallback;
        }

        var trimmed = text.Trim().TrimEnd('%');
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || !double.IsFinite(value))
        {
            throw new ProfileSettingsException($"double11: option {key}={text} must be a share of 0 or more (e.g. {key}=25).");
        }

        return value;
    }
}
