using CommerceBrain.Agents;
using CommerceBrain.Agents.Api;
using CommerceBrain.Commerce;
using CommerceBrain.Commerce.Api;
using CommerceBrain.Conversations;
using CommerceBrain.Conversations.Api;
using CommerceBrain.Coupons;
using CommerceBrain.Coupons.Api;
using CommerceBrain.Diagnostics;
using CommerceBrain.Diagnostics.Api;
using CommerceBrain.Identity;
using CommerceBrain.Identity.Api;
using CommerceBrain.Nlu;
using CommerceBrain.Nlu.Api;
using CommerceBrain.Silo.Cluster;
using CommerceBrain.Silo.Operations;
using CommerceBrain.Silo.Operations.Api;
using CommerceBrain.Silo.Telemetry;
using CommerceBrain.Storage;
using Orleans.Dashboard;

namespace CommerceBrain.Silo.Hosting;

/// <summary>
/// Composes the silo: host defaults, the Orleans silo, modules and their endpoints. <c>serve</c> and the integration
/// tests build the application through here, so both run the same composition.
/// </summary>
public static class SiloApplication
{
    /// <summary>Creates the builder: appsettings.json next to the executable, environment variables, then <paramref name="settings"/>.</summary>
    /// <exception cref="SiloConfigurationException">A setting is invalid (also <see cref="StorageConfigurationException"/>).</exception>
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
        return builder;
    }

    /// <summary>
    /// Adds the defaults, the Orleans silo and every module, then builds the application and maps the endpoints. Call after
    /// all configuration sources are added (tests add theirs between <see cref="CreateBuilder"/> and this).
    /// <paramref name="overrideServices"/> runs after every module registered its services, so a registration there wins
    /// (tests put their own implementation of a module seam in place).
    /// </summary>
    public static WebApplication Build(WebApplicationBuilder builder, Action<IServiceCollection>? overrideServices = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var storage = StorageSettings.FromConfiguration(configuration);
        var cluster = ClusterSettings.FromConfiguration(configuration, storage);
        var dashboard = DashboardSettings.IsEnabled(configuration, builder.Environment);
        builder.AddCommerceBrainDefaults();
        // Storage before Orleans: hosted services stop in reverse order, so grains deactivate while storage is still up.
        builder.Services.AddStorage(configuration);
        builder.AddCommerceBrainOrleans(storage, cluster, dashboard, TelemetrySetup.TracingEnabled(configuration));
        builder.Services
            .AddIdentity(configuration, builder.Environment)
            .AddDiagnostics(configuration)
            .AddNlu(configuration)
            // After UseOrleans: the demo-data seeder's hosted service calls grains.
            .AddCommerce(configuration)
            .AddConversations(configuration)
            .AddCoupons(configuration)
            .AddCouponsConversionModel(configuration)
            .AddAgents(configuration)
            .AddOperations(configuration);
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapCommerceBrainDefaults();
        // WebSockets before authentication: a browser's WebSocket handshake carries its token in the query string, which
        // the bearer handler reads only on WebSocket requests. Protocol pings keep idle connections through proxies.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        // Exception handler (above), then authentication, authorization and the rate limiter, then the endpoints.
        app.UseCommerceBrainIdentity();
        if (dashboard)
        {
            app.MapOrleansDashboard(DashboardSettings.Path);
        }

        app.MapIdentityApi(app.Environment);
        app.MapDiagnosticsApi();
        app.MapNluApi();
        app.MapCommerceApi();
        app.MapConversationsApi();
        app.MapCouponsApi();
        app.MapAgentsApi();
        app.MapOperationsApi(dashboard);
        return app;
    }

    /// <summary>
    /// Everything that must hold before the server accepts traffic: telemetry is set up, the data directory is writable and
    /// the token signing key is usable and the storage schema (Orleans' tables included) is migrated. Throws <see cref="SiloConfigurationException"/> on a bad setting.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SiloApplication));
        var telemetry = app.Services.GetRequiredService<TelemetryExport>();
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
        // The signing key may live in the data directory: generated (first start) or checked here, before any request.
        app.Services.PrepareIdentity(app.Environment);
        // Also a hosted service; running it here first means a failure is reported before Orleans starts (and the
        // clustering tables exist before a silo looks for its peers in them).
        await app.Services.GetRequiredService<StorageInitializer>().InitializeAsync(cancellationToken);
    }
}
