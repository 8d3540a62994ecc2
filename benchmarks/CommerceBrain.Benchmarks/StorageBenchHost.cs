using System.Net;
using System.Net.Sockets;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;

namespace CommerceBrain.Benchmarks;

/// <summary>Composes the storage module as the silo does, for benchmarks.</summary>
internal static class StorageBenchHost
{
    /// <summary>The storage module alone (no Orleans): database, migrations, group commit.</summary>
    public static async Task<ServiceProvider> StartAsync(string provider, string? connectionString, string? dataDirectory, IDictionary<string, string?>? extra = null)
    {
        var services = new ServiceCollection();
        services.AddStorage(Configuration(provider, connectionString, dataDirectory, extra));
        var built = services.BuildServiceProvider();
        await built.GetRequiredService<StorageInitializer>().InitializeAsync();
        return built;
    }

    /// <summary>A real single-silo Orleans host (localhost clustering, loopback ports) with AddCommerceBrainStorage.</summary>
    public static async Task<IHost> StartSiloAsync(string provider, string? connectionString, string? dataDirectory, IDictionary<string, string?>? extra = null)
    {
        var configuration = Configuration(provider, connectionString, dataDirectory, extra);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddStorage(configuration);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort())
            .AddCommerceBrainStorage(StorageSettings.FromConfiguration(configuration)));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static IConfiguration Configuration(string provider, string? connectionString, string? dataDirectory, IDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = provider,
            ["CommerceBrain:Storage:ConnectionString"] = string.IsNullOrEmpty(connectionString) ? null : connectionString,
            ["CommerceBrain:DataDirectory"] = dataDirectory,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
