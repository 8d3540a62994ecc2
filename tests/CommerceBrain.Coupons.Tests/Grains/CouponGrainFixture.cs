using CommerceBrain.Commerce;
using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Coupons.Tests.Allocation;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CommerceBrain.Coupons.Tests.Grains;

/// <summary>One Orleans silo with the real grant ledger (and the commerce tables, for segments) on a fresh SQLite file.</summary>
public sealed class CouponGrainFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cb-coupons-" + Guid.NewGuid().ToString("N"));

    // Grain state is stored per service id: a restarted silo must keep it to find its campaigns again.
    private readonly string serviceId = "cb-coupons-" + Guid.NewGuid().ToString("N")[..8];

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IServiceProvider SiloServices => Cluster.GetSiloServiceProvider();

    public IGrainFactory Grains => Cluster.Client;

    public Task InitializeAsync() => StartAsync();

    /// <summary>
    /// Stops the silo and starts a new one over the same database (grain state and ledger): every grain activates
    /// again from storage, as after a restart of the process.
    /// </summary>
    public async Task RestartAsync()
    {
        await Cluster.DisposeAsync();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "Sqlite",
            ["CommerceBrain:DataDirectory"] = directory,
            ["CommerceBrain:Commerce:SeedDemoData"] = "false",
            // Small queues, so the tests can reach them.
            ["CommerceBrain:Coupons:MaxInFlightPerShard"] = "64",
            // A budget price at which the fitted model gives high-uplift customers more than the lowest tier.
            ["CommerceBrain:Coupons:OptimiserInitialLambda"] = "2e-5",
        }).Build();
        var settings = StorageSettings.FromConfiguration(configuration);
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCommerceBrainStorage(settings);
            silo.Services.AddCommerce(configuration);
            silo.Services.AddCoupons(configuration);
            // Fitted only when an optimised campaign first claims.
            silo.Services.AddSingleton<IConversionPredictor>(_ => new ModelConversionPredictor(new TrainedModel().Model));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Adds a customer of <paramref name="segment"/> to the commerce tables.</summary>
    public async Task AddCustomer(string customerId, string segment)
    {
        var database = SiloServices.GetRequiredService<StorageDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO customers (customer_id, display_name, segment, language, joined_at_ms) VALUES (@id, 'Test', @segment, 'en', 0)";
        foreach (var (name, value) in new[] { ("id", customerId), ("segment", segment) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
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
