using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CommerceBrain.Storage.Tests.Fixtures;

/// <summary>
/// One Orleans silo (<see cref="InProcessTestCluster"/>) whose storage comes from
/// <see cref="StorageSiloBuilderExtensions.AddCommerceBrainStorage"/> on a fresh database of one provider.
/// Contracts resolve the keyed <see cref="IGrainStorage"/> "Default" and the <see cref="IReminderTable"/> from the
/// silo's own service provider, so they test exactly what the silo's grains use.
/// </summary>
public abstract class SiloFixture : IAsyncLifetime
{
    public abstract StorageProviderKind Provider { get; }

    public StorageSettings Settings { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IServiceProvider SiloServices => Cluster.GetSiloServiceProvider();

    public IGrainStorage GrainStorage => SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageServiceCollectionExtensions.DefaultStorageName);

    public IReminderTable Reminders => SiloServices.GetRequiredService<IReminderTable>();

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Creates the database and returns the storage settings that reach it.</summary>
    protected abstract Task<IDictionary<string, string?>> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        var settings = await CreateDatabaseAsync();
        Settings = StorageSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddCommerceBrainStorage(Settings));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await DropDatabaseAsync();
    }
}

public sealed class SqliteSiloFixture : SiloFixture
{
    private readonly string _directory = TempDirectory.Create("sqlite-silo");

    public override StorageProviderKind Provider => StorageProviderKind.Sqlite;

    protected override Task<IDictionary<string, string?>> CreateDatabaseAsync() =>
        Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "Sqlite",
            ["CommerceBrain:DataDirectory"] = _directory,
        });

    protected override Task DropDatabaseAsync()
    {
        TempDirectory.Delete(_directory);
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlSiloFixture : SiloFixture
{
    private string? _database;

    public override StorageProviderKind Provider => StorageProviderKind.PostgreSql;

    protected override async Task<IDictionary<string, string?>> CreateDatabaseAsync()
    {
        var (name, connectionString) = await PostgreSqlTestServer.CreateDatabaseAsync();
        _database = name;
        return new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = connectionString,
        };
    }

    protected override Task DropDatabaseAsync() => _database is null ? Task.CompletedTask : PostgreSqlTestServer.DropDatabaseAsync(_database);
}
