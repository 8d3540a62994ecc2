using System.CommandLine;
using CommerceBrain.Silo.Hosting;

namespace CommerceBrain.Silo.CommandLine;

/// <summary><c>serve</c>: runs the silo (HTTP front-end, Orleans, storage) until SIGTERM or Ctrl+C.</summary>
public static class ServeCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "serve";

    /// <summary>Builds the command; each option maps onto one configuration key, which wins over appsettings and environment.</summary>
    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (configuration 'urls', env ASPNETCORE_URLS; default {SiloDefaults.Urls}).",
            HelpName = "url;url",
        };
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "Directory for the SQLite database and model files (CommerceBrain:DataDirectory; default ./data).",
            HelpName = "path",
        };
        var storage = new Option<string?>("--storage")
        {
            Description = "Storage provider: Sqlite (embedded, default) or PostgreSql (CommerceBrain:Storage:Provider).",
            HelpName = "Sqlite|PostgreSql",
        };
        var connectionString = new Option<string?>("--connection-string")
        {
            Description = "Database connection string; required for PostgreSql (CommerceBrain:Storage:ConnectionString).",
            HelpName = "text",
        };
        var logFormat = new Option<string?>("--log-format")
        {
            Description = "Console log format: simple (default), json or systemd (Logging:Console:FormatterName).",
            HelpName = "simple|json|systemd",
        };
        logFormat.AcceptOnlyFromAmong("simple", "json", "systemd");
        var environment = new Option<string?>("--environment")
        {
            Description = "Hosting environment, e.g. Production (default) or Development (env ASPNETCORE_ENVIRONMENT).",
            HelpName = "name",
        };

        var cluster = new Option<bool?>("--cluster")
        {
            Description = "Join a cluster of silos through the PostgreSQL membership table (CommerceBrain:Cluster:Enabled; needs --storage PostgreSql).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var siloPort = new Option<int?>("--silo-port")
        {
            Description = "Port for silo-to-silo traffic (CommerceBrain:Cluster:SiloPort; default 11111).",
            HelpName = "port",
        };
        var gatewayPort = new Option<int?>("--gateway-port")
        {
            Description = "Port for external Orleans clients; 0 = none (CommerceBrain:Cluster:GatewayPort; default 0).",
            HelpName = "port",
        };
        var advertisedAddress = new Option<string?>("--advertised-address")
        {
            Description = "IP address other silos reach this one on (CommerceBrain:Cluster:AdvertisedAddress).",
            HelpName = "ip",
        };
        var clusterId = new Option<string?>("--cluster-id")
        {
            Description = "Silos with the same cluster id form one cluster (CommerceBrain:Cluster:ClusterId; default commercebrain).",
            HelpName = "id",
        };

        var command = new Command(Name, "Run the silo: REST API, health endpoints, Orleans and storage (the default command).")
        {
            urls, dataDirectory, storage, connectionString, logFormat, environment, cluster, siloPort, gatewayPort, advertisedAddress, clusterId,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new ServeSettings(
                Urls: parseResult.GetValue(urls),
                DataDirectory: parseResult.GetValue(dataDirectory),
                StorageProvider: parseResult.GetValue(storage),
                ConnectionString: parseResult.GetValue(connectionString),
                LogFormat: parseResult.GetValue(logFormat),
                Environment: parseResult.GetValue(environment),
                Cluster: parseResult.GetResult(cluster) is null ? null : parseResult.GetValue(cluster) ?? true,
                SiloPort: parseResult.GetValue(siloPort),
                GatewayPort: parseResult.GetValue(gatewayPort),
                AdvertisedAddress: parseResult.GetValue(advertisedAddress),
                ClusterId: parseResult.GetValue(clusterId));
            return await SiloRunner.RunAsync(settings, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }
}
