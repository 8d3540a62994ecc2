using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using CommerceBrain.Silo.Hosting;
using CommerceBrain.Storage;

namespace CommerceBrain.Silo.Cluster;

/// <summary>
/// How this silo joins Orleans, bound from <c>CommerceBrain:Cluster</c>. Off (the default): a single silo with
/// localhost clustering. On: Orleans' ADO.NET clustering on the PostgreSQL database the storage uses, so several silos
/// on one machine or several form one cluster.
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CommerceBrain:Cluster";

    /// <summary>Join a cluster through the PostgreSQL membership table (needs <c>CommerceBrain:Storage:Provider=PostgreSql</c>).</summary>
    public bool Enabled { get; set; }

    /// <summary>Silos with the same cluster id form one cluster (Orleans <c>ClusterId</c>).</summary>
    public string ClusterId { get; set; } = "commercebrain";

    /// <summary>Stable across deployments; part of every stored grain state's key (Orleans <c>ServiceId</c>).</summary>
    public string ServiceId { get; set; } = "commercebrain";

    /// <summary>Port for silo-to-silo traffic (Orleans <c>SiloPort</c>).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients; 0 (the default) opens none, since the REST front-end runs inside the silo.</summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// The address other silos reach this one on. Default: 127.0.0.1 for a single silo; in cluster mode the machine's
    /// first non-loopback IPv4 address (set it when the machine has several, or when silos share one machine: 127.0.0.1).
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Initial seconds before a probe of another silo counts as missed (Orleans adapts it between half and four times
    /// this). With <see cref="MissedProbesLimit"/> it sets how fast a crashed silo is found (about 2 s with the
    /// defaults); a silo that stays connected is only voted dead after 4 × this × <see cref="MissedProbesLimit"/> seconds
    /// of silence (12 s).
    /// </summary>
    public double ProbeTimeoutSeconds { get; set; } = 1;

    /// <summary>Missed probes after which a silo suspects another one (and votes it dead).</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>Seconds between this silo's heartbeats in the membership table (diagnostics and stale-entry detection).</summary>
    public double IAmAliveSeconds { get; set; } = 10;

    /// <summary>Seconds between reads of the whole membership table (gossip usually carries changes sooner).</summary>
    public double TableRefreshSeconds { get; set; } = 10;

    /// <summary>Reads and validates the section; <paramref name="storage"/> decides whether cluster mode is possible.</summary>
    public static ClusterSettings FromConfiguration(IConfiguration configuration, StorageSettings storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        var settings = new ClusterSettings();
        configuration.GetSection(SectionName).Bind(settings);
        if (settings.Enabled && storage.Provider != StorageProviderKind.PostgreSql)
        {
            throw new SiloConfigurationException(
                $"{SectionName}:Enabled",
                $"{SectionName}:Enabled is true but CommerceBrain:Storage:Provider is {storage.Provider}: cluster mode needs PostgreSQL " +
                "(silos meet in its membership table). Set CommerceBrain:Storage:Provider=PostgreSql with a connection string, or turn cluster mode off.");
        }

        RequireText(settings.ClusterId, nameof(ClusterId));
        RequireText(settings.ServiceId, nameof(ServiceId));
        RequirePort(settings.SiloPort, nameof(SiloPort), allowZero: false);
        RequirePort(settings.GatewayPort, nameof(GatewayPort), allowZero: true);
        if (settings.GatewayPort != 0 && settings.GatewayPort == settings.SiloPort)
        {
            throw Invalid(nameof(GatewayPort), settings.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "a port other than SiloPort, or 0 for no gateway");
        }

        RequirePositive(settings.ProbeTimeoutSeconds, nameof(ProbeTimeoutSeconds));
        RequirePositive(settings.IAmAliveSeconds, nameof(IAmAliveSeconds));
        RequirePositive(settings.TableRefreshSeconds, nameof(TableRefreshSeconds));
        if (settings.MissedProbesLimit < 1)
        {
            throw Invalid(nameof(MissedProbesLimit), settings.MissedProbesLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), "1 or more");
        }

        settings.AdvertisedIPAddress = ResolveAddress(settings);
        return settings;
    }

    /// <summary>The resolved <see cref="AdvertisedAddress"/>.</summary>
    public IPAddress AdvertisedIPAddress { get; private set; } = IPAddress.Loopback;

    private static IPAddress ResolveAddress(ClusterSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.AdvertisedAddress))
        {
            return IPAddress.TryParse(settings.AdvertisedAddress, out var address)
                ? address
                : throw Invalid(nameof(AdvertisedAddress), settings.AdvertisedAddress, "an IP address, e.g. 10.0.0.5");
        }

        if (!settings.Enabled)
        {
            return IPAddress.Loopback;
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 150)
        {
            throw Invalid(name, value ?? "", "1-150 characters");
        }
    }

    private static void RequirePort(int value, string name, bool allowZero)
    {
        if (value is < 0 or > 65535 || (value == 0 && !allowZero))
        {
            throw Invalid(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), allowZero ? "0-65535" : "1-65535");
        }
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw Invalid(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "a positive number of seconds");
        }
    }

    private static SiloConfigurationException Invalid(string name, string value, string expected) =>
        new($"{SectionName}:{name}", $"{SectionName}:{name} is '{value}'; expected {expected}.");
}
