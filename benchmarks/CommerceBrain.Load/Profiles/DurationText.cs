using System.Globalization;

namespace CommerceBrain.Load;

/// <summary>Parses durations the way people type them: 90s, 10m, 2h, 500ms, 1.5m or hh:mm:ss.</summary>
public static class DurationText
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
        }

        (string unit, double seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (unit, seconds) in units)
        {
            if (text.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && !(unit == "s" && text.EndsWith("ms", StringComparison.OrdinalIgnoreCase))
                && double.TryParse(text.AsSpan(0, text.Length - unit.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                && double.IsFinite(n) && Math.Abs(n * seconds) < TimeSpan.MaxValue.TotalSeconds / 2)
            {
                value = TimeSpan.FromSeconds(n * seconds);
                return true;
            }
        }

        // A bare number means seconds.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare) && double.IsFinite(bare)
            && Math.Abs(bare) < TimeSpan.MaxValue.TotalSeconds / 2)
        {
            value = TimeSpan.FromSeconds(bare);
            return true;
        }

        return false;
    }

    /// <summary>A short form for reports: 90 s → "1m30s".</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return $"{value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}ms";
        }

        var parts = new System.Text.StringBuilder();
        if (value.Hours + (value.Days * 24) > 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{value.Hours + (value.Days * 24)}h");
        }

        if (value.Minutes > 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{value.Minutes}m");
        }

        if (value.Seconds > 0 || parts.Length == 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{value.Seconds}s");
        }

        return parts.ToString();
    }
}
