using System.Globalization;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// The Double-11 profile's settings: the run's rate and duration plus its <c>--option key=value</c> knobs, validated
/// (a bad one is a <see cref="ProfileSettingsException"/> with one line naming the option).
/// </summary>
public sealed record Double11Options(
    double Peak,
    TimeSpan Duration,
    Double11Mix Mix,
    IReadOnlyList<string> Scenarios,
    TimeSpan StormAt,
    int StormClaims,
    int CouponBudget,
    int Agents,
    int AgentCapacity,
    TimeSpan AgentPoll,
    TimeSpan WaitTimeout,
    int Customers,
    long RefundMaxTotalMinor,
    long? MaxIterations,
    string RunId)
{
    /// <summary>The peak when --rate is not given: a rate one 2-core machine with the silo on it sustains.</summary>
    public const double DefaultPeak = 20;

    /// <summary>The options the profile reads (anything else is refused, so a typo does not silently do nothing).</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "scenarios", "storm-at", "storm-claims", "coupon-budget", "agents", "agent-capacity", "agent-poll", "wait-timeout",
        "customers", "refund-max-total", "max-iterations", "run-id", "mix.faq", "mix.order_status", "mix.refund", "mix.handoff",
        "mix.coupon",
    ];

    /// <summary>Reads and checks the settings.</summary>
    public static Double11Options From(ProfileSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var o = settings.Options;
        if (o.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            throw new ProfileSettingsException($"double11: unknown option '{unknown}' (known: {string.Join(", ", Known)}).");
        }

        // 0 means --rate was not given.
        var peak = settings.Rate == 0 ? DefaultPeak : settings.Rate;
        if (peak <= 0 || !double.IsFinite(peak))
        {
            throw new ProfileSettingsException("double11: --rate (the peak, iterations/s over all scenarios) must be above 0.");
        }

        if (settings.Duration <= TimeSpan.Zero)
        {
            throw new ProfileSettingsException("double11: --duration must be above 0.");
        }

        var scenarios = o.TryGetValue("scenarios", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList()
            : [.. Double11Scenarios.All];
        if (scenarios.Count == 0)
        {
            throw new ProfileSettingsException($"double11: scenarios= names none (scenarios: {string.Join(", ", Double11Scenarios.All)}).");
        }

        if (scenarios.FirstOrDefault(s => !Double11Scenarios.All.Contains(s)) is { } bad)
        {
            throw new ProfileSettingsException($"double11: unknown scenario '{bad}' (scenarios: {string.Join(", ", Double11Scenarios.All)}).");
        }

        var mix = Double11Mix.From(o);
        if (mix.PeakRates(peak, scenarios).Count == 0)
        {
            throw new ProfileSettingsException("double11: every chosen scenario has a mix share of 0.");
        }

        var stormAt = StormTime(o, settings.Duration);
        var stormClaims = Int(o, "storm-claims", Math.Max(50, (int)Math.Round(peak * 5)), 1, 1_000_000);
        var agents = Int(o, "agents", 20, 1, 10_000);
        var runId = o.TryGetValue("run-id", out var id) ? id : "d11-" + now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
            + "-" + Guid.NewGuid().ToString("N")[..6];
        if (!System.Text.RegularExpressions.Regex.IsMatch(runId, "^[A-Za-z0-9-]{1,40}$"))
        {
            throw new ProfileSettingsException($"double11: run-id '{runId}' must be 1-40 letters, digits or '-' (it goes into every message id).");
        }

        return new Double11Options(
            peak,
            settings.Duration,
            mix,
            scenarios,
            stormAt,
            stormClaims,
            // Budget below demand so the storm ends in denials: half the storm's claims get a coupon.
            Int(o, "coupon-budget", Math.Max(1, stormClaims / 2), 1, 100_000_000),
            agents,
            Int(o, "agent-capacity", 3, 1, 100),
            Time(o, "agent-poll", TimeSpan.FromMilliseconds(500)),
            Time(o, "wait-timeout", TimeSpan.FromSeconds(60)),
            Int(o, "customers", 5000, DemoCustomers.First, 5000),
            Int(o, "refund-max-total", 200_000, 1, int.MaxValue),
            o.ContainsKey("max-iterations") ? Int(o, "max-iterations", 0, 1, int.MaxValue) : null,
            runId);
    }

    private static TimeSpan StormTime(IReadOnlyDictionary<string, string> o, TimeSpan duration)
    {
        if (!o.TryGetValue("storm-at", out var text))
        {
            return duration / 2;
        }

        var trimmed = text.Trim();
        TimeSpan at;
        if (trimmed.EndsWith('%') && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            at = duration * (percent / 100);
        }
        else if (!DurationText.TryParse(trimmed, out at))
        {
            throw new ProfileSettingsException($"double11: storm-at={text} must be a share of the duration (50%) or a time into the run (5m, 90s).");
        }

        return at > TimeSpan.Zero && at < duration
            ? at
            : throw new ProfileSettingsException($"double11: storm-at={text} must fall inside the run (after 0, before {duration}).");
    }

    private static int Int(IReadOnlyDictionary<string, string> o, string key, int fallback, int min, int max)
    {
        if (!o.TryGetValue(key, out var text))
        {
            return fallback;
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ProfileSettingsException($"double11: option {key}={text} must be a whole number from {min} to {max}.");
    }

    private static TimeSpan Time(IReadOnlyDictionary<string, string> o, string key, TimeSpan fallback)
    {
        if (!o.TryGetValue(key, out var text))
        {
            return fallback;
        }

        return DurationText.TryParse(text.Trim(), out var value) && value > TimeSpan.Zero
            ? value
            : throw new ProfileSettingsException($"double11: option {key}={text} must be a duration above 0 (500ms, 30s, 2m).");
    }
}
