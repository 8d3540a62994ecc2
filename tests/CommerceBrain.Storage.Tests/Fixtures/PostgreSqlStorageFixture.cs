namespace CommerceBrain.Storage.Tests.Fixtures;

/// <summary>A fresh, migrated PostgreSQL database (see <see cref="PostgreSqlTestServer"/>), dropped afterwards.</summary>
public sealed class PostgreSqlStorageFixture : IStorageFixture, IAsyncLifetime
{
    private readonly List<string> _databases = [];

    public StorageProviderKind Provider => StorageProviderKind.PostgreSql;

    public IDictionary<string, string?> Settings { get; private set; } = null!;

    public StorageHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var (name, connectionString) = await PostgreSqlTestServer.CreateDatabaseAsync();
        _databases.Add(name);
        Settings = new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = connectionString,
            ["CommerceBrain:DataDirectory"] = Path.Combine(Path.GetTempPath(), "cb-storage-tests", "pg-data"),
        };
        Harness = await StorageHarness.StartAsync(Settings);
    }

    /// <summary>Creates another empty database on the same server, dropped with this fixture.</summary>
    public async Task<string> CreateSiblingDatabaseAsync()
    {
        var (name, connectionString) = await PostgreSqlTestServer.CreateDatabaseAsync();
        _databases.Add(name);
        return connectionString;
    }

    public async Task DisposeAsync()
    {
        if (Harness is not null)
        {
            await Harness.DisposeAsync();
        }

        foreach (var name in _databases)
        {
            await PostgreSqlTestServer.DropDatabaseAsync(name);
        }
    }
}
