using CommerceBrain.Actors;
using CommerceBrain.Silo.Diagnostics;
using CommerceBrain.Silo.Diagnostics.Api;
using CommerceBrain.Silo.Nlu;
using CommerceBrain.Silo.Nlu.Api;
using CommerceBrain.Silo.Telemetry;
using CommerceBrain.Storage;

namespace CommerceBrain.Silo.Hosting;

/// <summary>
/// Composes the silo: host defaults, modules and their endpoints. <c>serve</c> and the integration tests build the
/// application through here, so both run the same composition.
/// </summary>
public static class SiloApplication
{
    /// <summary>Creates the builder: appsettings.json next to the executable, environment variables, then <paramref name="settings"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(ServeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Command-line arguments belong to System.CommandLine; they reach configuration through ServeSettings.
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = settings.Environment,
        });
        builder.Configuration.AddInMemoryCollection(settings.ToConfigurationOverrides());
        builder.AddCommerceBrainDefaults(settings.Urls);
        // Storage before actors: hosted services stop in reverse order, so grains flush while storage is still up.
        builder.Services
            .AddStorage(builder.Configuration)
            .AddActors(builder.Configuration, actors => actors.AddIncomingGrainCallFilter<GrainCallTracingFilter>())
            .AddDiagnostics(builder.Configuration)
            .AddNlu(builder.Configuration);
        return builder;
    }

    /// <summary>Builds the application and maps the defaults and every module's API.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.MapCommerceBrainDefaults();
        app.MapDiagnosticsApi();
        app.MapNluApi();
        return app;
    }

    /// <summary>
    /// Everything that must hold before the server accepts traffic: telemetry is running, the data directory is
    /// writable and the storage schema is migrated. Throws <see cref="SiloConfigurationException"/> on a bad setting.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SiloApplication));
        var telemetry = app.Services.GetRequiredService<TelemetryProviders>();
        if (telemetry.Endpoint is { } endpoint)
        {
            SiloLog.TelemetryExport(logger, telemetry.Protocol, endpoint);
        }
        else
        {
            SiloLog.TelemetryOff(logger);
        }

        var dataDirectory = DataDirectoryProbe.EnsureWritable(app.Services.GetRequiredService<StorageSettings>().DataDirectory);
        SiloLog.DataDirectoryReady(logger, dataDirectory);
        // Also a hosted service; running it here first means a failure is reported before anything else starts.
        await app.Services.GetRequiredService<StorageInitializer>().InitializeAsync(cancellationToken);
        // Resolving the factory builds the runtime, which validates CommerceBrain:Actors before traffic.
        app.Services.GetRequiredService<IGrainFactory>();
    }
}
