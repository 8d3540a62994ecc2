using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Storage.Tests.Fixtures;

/// <summary>A service provider composed with AddStorage from in-memory settings, as the host does.</summary>
public sealed class StorageHarness : IAsyncDisposable
{
    public const string TestMigrationModule = "storage-tests";

    private StorageHarness(ServiceProvider services)
    {
        Services = services;
    }

    public ServiceProvider Services { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static StorageHarness Create(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddStorage(configuration);
        services.AddStorageMigrations(TestMigrationModule, typeof(StorageHarness).Assembly);
        return new StorageHarness(services.BuildServiceProvider());
    }

    public static async Task<StorageHarness> StartAsync(IDictionary<string, string?> settings)
    {
        var harness = Create(settings);
        try
        {
            await harness.Get<StorageInitializer>().InitializeAsync();
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
