using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Benchmarks;

/// <summary>Composes the storage module as the silo does, for benchmarks.</summary>
internal static class StorageBenchHost
{
    public static async Task<ServiceProvider> StartAsync(string provider, string? connectionString, string? dataDirectory, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = provider,
            ["CommerceBrain:Storage:ConnectionString"] = connectionString,
            ["CommerceBrain:DataDirectory"] = dataDirectory,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var built = services.BuildServiceProvider();
        await built.GetRequiredService<StorageInitializer>().InitializeAsync();
        return built;
    }
}
