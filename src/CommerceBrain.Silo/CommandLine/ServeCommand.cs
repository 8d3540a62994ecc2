using System.CommandLine;
using CommerceBrain.Silo.Hosting;

namespace CommerceBrain.Silo.CommandLine;

/// <summary><c>serve</c>: runs the silo (HTTP front-end, actor runtime, storage) until SIGTERM or Ctrl+C.</summary>
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

        var command = new Command(Name, "Run the silo: REST API, health endpoints, actor runtime and storage (the default command).")
        {
            urls, dataDirectory, storage, connectionString, logFormat, environment,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new ServeSettings(
                Urls: parseResult.GetValue(urls),
                DataDirectory: parseResult.GetValue(dataDirectory),
                StorageProvider: parseResult.GetValue(storage),
                ConnectionString: parseResult.GetValue(connectionString),
                LogFormat: parseResult.GetValue(logFormat),
                Environment: parseResult.GetValue(environment));
            return await SiloRunner.RunAsync(settings, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }
}
