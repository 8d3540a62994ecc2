namespace CommerceBrain.Silo.Hosting;

/// <summary>
/// The Orleans Dashboard at <c>/dashboard</c> (<c>CommerceBrain:Dashboard:Enabled</c>): on in Development, off elsewhere
/// unless set to true. It shows grain and silo internals; browsers cannot send bearer tokens to it, so it is not behind the
/// admin role: keep it off where the silo's port is reachable by anyone but operators.
/// </summary>
public static class DashboardSettings
{
    /// <summary>The setting.</summary>
    public const string EnabledSetting = "CommerceBrain:Dashboard:Enabled";

    /// <summary>Where the dashboard is served.</summary>
    public const string Path = "/dashboard";

    /// <summary>Whether the dashboard is on for this configuration and environment.</summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var text = configuration[EnabledSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return environment.IsDevelopment();
        }

        return bool.TryParse(text, out var enabled)
            ? enabled
            : throw new SiloConfigurationException(EnabledSetting, $"{EnabledSetting} is '{text}'; expected true or false (empty: on in Development only).");
    }
}
