namespace CommerceBrain.Storage.Tests.Fixtures;

/// <summary>A SQLite file in a fresh temporary data directory.</summary>
public sealed class SqliteStorageFixture : IStorageFixture, IAsyncLifetime
{
    public SqliteStorageFixture()
    {
        Directory = TempDirectory.Create("sqlite");
        Settings = new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "Sqlite",
            ["CommerceBrain:DataDirectory"] = Directory,
        };
    }

    public string Directory { get; }

    public StorageProviderKind Provider => StorageProviderKind.Sqlite;

    public IDictionary<string, string?> Settings { get; }

    public StorageHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await StorageHarness.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (Harness is not null)
        {
            await Harness.DisposeAsync();
        }

        TempDirectory.Delete(Directory);
    }
}
