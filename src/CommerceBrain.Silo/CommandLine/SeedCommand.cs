using System.CommandLine;
using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Silo.Hosting;

namespace CommerceBrain.Silo.CommandLine;

/// <summary>
/// <c>seed</c>: starts the silo on the configured storage (HTTP on a loopback port nobody is told about, no NLU training),
/// seeds the demo marketplace with a progress line per step, stops and exits 0. An already seeded database is left as it is.
/// </summary>
public static class SeedCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "seed";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "Directory for the SQLite database (CommerceBrain:DataDirectory; default ./data).",
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
        var command = new Command(Name, "Seed the demo marketplace (55 shops with FAQs, 2,000 products, 5,000 customers, 20,000 orders) into the configured database and exit.")
        {
            dataDirectory, storage, connectionString,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new ServeSettings(
                Urls: "http://127.0.0.1:0",
                DataDirectory: parseResult.GetValue(dataDirectory),
                StorageProvider: parseResult.GetValue(storage),
                ConnectionString: parseResult.GetValue(connectionString));
            return await RunAsync(settings, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ServeSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        WebApplication? app = null;
        var started = false;
        try
        {
            var builder = SiloApplication.CreateBuilder(settings);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                // This process seeds in the foreground; the background seeder and model training would only compete with it.
                ["CommerceBrain:Commerce:SeedDemoData"] = "false",
                ["CommerceBrain:Nlu:TrainOnStart"] = "false",
                ["CommerceBrain:Coupons:ConversionModel:TrainOnStart"] = "false",
            });
            app = SiloApplication.Build(builder);
            await SiloApplication.PrepareAsync(app, cancellationToken);
            await app.StartAsync(cancellationToken);
            started = true;
            var seeder = app.Services.GetRequiredService<DemoDataSeeder>();
            var progress = new SeedProgressWriter(output);
            var report = await seeder.SeedAsync(progress, cancellationToken);
            await output.WriteLineAsync(report.Outcome switch
            {
                SeedOutcome.Seeded => $"seeded {report.Merchants} merchants, {report.Products} products, {report.Customers} customers, {report.Orders} orders",
                SeedOutcome.AlreadySeeded => "the database already holds the demo data; nothing to do",
                _ => "the database holds commerce data that is not the demo data; nothing seeded",
            });
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (line, exitCode, isConfiguration) = started
                ? ($"commercebrain seed: seeding failed ({ex.GetType().Name}: {ex.Message}); run the command again to complete it.", ExitCodes.Failure, false)
                : StartupFailure.Describe(ex);
            await error.WriteLineAsync(line);
            if (!isConfiguration)
            {
                await error.WriteLineAsync(ex.ToString());
            }

            if (app is not null)
            {
                await app.DisposeAsync();
            }

            return exitCode;
        }
    }
}
