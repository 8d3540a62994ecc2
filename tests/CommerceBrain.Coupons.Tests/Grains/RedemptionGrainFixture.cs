using CommerceBrain.Commerce;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CommerceBrain.Coupons.Tests.Grains;

/// <summary>One silo with the real ledger on a fresh SQLite file and a clock the tests move.</summary>
public sealed class RedemptionGrainFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cb-redeem-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IServiceProvider SiloServices => Cluster.GetSiloServiceProvider();

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "Sqlite",
            ["CommerceBrain:DataDirectory"] = directory,
            ["CommerceBrain:Commerce:SeedDemoData"] = "false",
            // The group commit waits on the silo's clock, which only the tests move here: flush each batch at once.
            ["CommerceBrain:Storage:GroupCommit:FlushDelay"] = "00:00:00",
        }).Build();
        var settings = StorageSettings.FromConfiguration(configuration);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.AddCommerceBrainStorage(settings);
            silo.Services.AddCommerce(configuration);
            silo.Services.AddCoupons(configuration);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the OS temp cleaner takes it.
        }
    }
}
