using System.Globalization;

namespace CommerceBrain.Load;

/// <summary>Typed reads of <see cref="ProfileSettings.Options"/> that fail with a one-line <see cref="ProfileSettingsException"/>.</summary>
public static class ProfileOptions
{
    /// <summary>A duration option ("5s", "2m", "500ms", "00:01:00"), or <paramref name="fallback"/> when absent.</summary>
    public static TimeSpan Duration(ProfileSettings settings, string key, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Options.TryGetValue(key, out var text))
        {
            return fallback;
        }

        return DurationText.TryParse(text, out var value) && value >= TimeSpan.Zero
            ? value
            : throw new ProfileSettingsException($"--option {key}={text}: expected a duration such as 5s, 2m or 500ms");
    }

    /// <summary>A positive integer option, or <paramref name="fallback"/> when absent.</summary>
    public static long PositiveInteger(ProfileSettings settings, string key, long fallback)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Options.TryGetValue(key, out var text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ProfileSettingsException($"--option {key}={text}: expected a whole number > 0");
    }
}
