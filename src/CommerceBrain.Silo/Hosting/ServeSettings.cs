namespace CommerceBrain.Silo.Hosting;

/// <summary>
/// Settings given on the command line. Each non-null value becomes a configuration override that wins over
/// appsettings.json and environment variables; null leaves the configured value in place.
/// </summary>
public sealed record ServeSettings(
    string? Urls = null,
    string? DataDirectory = null,
    string? StorageProvider = null,
    string? ConnectionString = null,
    string? LogFormat = null,
    string? Environment = null,
    bool? Cluster = null,
    int? SiloPort = null,
    int? GatewayPort = null,
    string? AdvertisedAddress = null,
    string? ClusterId = null)
{
    /// <summary>No overrides: configuration comes from appsettings.json and the environment only.</summary>
    public static ServeSettings None { get; } = new();

    /// <summary>The configuration keys and values these settings override.</summary>
    public IReadOnlyDictionary<string, string?> ToConfigurationOverrides()
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Add(overrides, "urls", Urls);
        Add(overrides, "CommerceBrain:DataDirectory", DataDirectory);
        Add(overrides, "CommerceBrain:Storage:Provider", StorageProvider);
        Add(overrides, "CommerceBrain:Storage:ConnectionString", ConnectionString);
        Add(overrides, "Logging:Console:FormatterName", LogFormat);
        Add(overrides, "CommerceBrain:Cluster:Enabled", Cluster is { } cluster ? (cluster ? "true" : "false") : null);
        Add(overrides, "CommerceBrain:Cluster:SiloPort", SiloPort?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(overrides, "CommerceBrain:Cluster:GatewayPort", GatewayPort?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(overrides, "CommerceBrain:Cluster:AdvertisedAddress", AdvertisedAddress);
        Add(overrides, "CommerceBrain:Cluster:ClusterId", ClusterId);
        return overrides;
    }

    private static void Add(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }
}
