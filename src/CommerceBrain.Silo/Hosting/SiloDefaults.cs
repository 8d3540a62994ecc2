namespace CommerceBrain.Silo.Hosting;

/// <summary>Defaults of the silo host that are not part of a module's options class.</summary>
public static class SiloDefaults
{
    /// <summary>Where the silo listens when neither --urls, ASPNETCORE_URLS, urls nor HTTP_PORTS is configured.</summary>
    public const string Urls = "http://localhost:5080";

    /// <summary>The service name reported in telemetry resources.</summary>
    public const string ServiceName = "commercebrain";
}
