using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Storage;
using CommerceBrain.Storage.Tests.Fixtures;

namespace CommerceBrain.Commerce.Tests.Fixtures;

/// <summary>A fresh migrated database of one provider with the small demo marketplace seeded, shared by one test class.</summary>
public abstract class CommerceDatabaseFixture : IAsyncLifetime
{
    public abstract StorageProviderKind Provider { get; }

    public CommerceHarness Harness { get; private set; } = null!;

    public SeedReport FirstSeed { get; private set; } = null!;

    protected abstract Task<IDictionary<string, string?>> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        Harness = await CommerceHarness.StartAsync(await CreateDatabaseAsync());
        FirstSeed = await Harness.Seeder.SeedAsync(DemoDataSize.Small, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Harness is not null)
        {
            await Harness.DisposeAsync();
        }

        await DropDatabaseAsync();
    }
}

public sealed class SqliteCommerceFixture : CommerceDatabaseFixture
{
    private readonly string _directory = TempDirectory.Create("sqlite");

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

public sealed class PostgreSqlCommerceFixture : CommerceDatabaseFixture
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
            ["CommerceBrain:DataDirectory"] = Path.Combine(Path.GetTempPath(), "cb-commerce-tests", "pg-data"),
        };
    }

    protected override Task DropDatabaseAsync() => _database is null ? Task.CompletedTask : PostgreSqlTestServer.DropDatabaseAsync(_database);
}
