using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Commerce.Storage;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Commerce.Tests.Fixtures;

/// <summary>Storage and the commerce module composed as the host composes them, without Orleans, on one fresh database.</summary>
public sealed class CommerceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CommerceHarness(ServiceProvider services, RecordingFaqPublisher publisher)
    {
        _services = services;
        Publisher = publisher;
    }

    public RecordingFaqPublisher Publisher { get; }

    internal CommerceStore Store => _services.GetRequiredService<CommerceStore>();

    public DemoDataSeeder Seeder => _services.GetRequiredService<DemoDataSeeder>();

    public StorageDatabase Database => _services.GetRequiredService<StorageDatabase>();

    public static async Task<CommerceHarness> StartAsync(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings) { ["CommerceBrain:Commerce:SeedDemoData"] = "false" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var publisher = new RecordingFaqPublisher();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IMerchantFaqPublisher>(publisher);
        services.AddStorage(configuration).AddCommerce(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageInitializer>().InitializeAsync();
        return new CommerceHarness(provider, publisher);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
