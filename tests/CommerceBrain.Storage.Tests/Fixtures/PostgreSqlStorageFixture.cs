using Npgsql;

namespace CommerceBrain.Storage.Tests.Fixtures;

/// <summary>
/// A fresh database <c>cb_test_&lt;random&gt;</c> on the server named by <c>COMMERCEBRAIN_TEST_POSTGRES</c>, dropped afterwards.
/// Without that variable the tests fail (they must not pass silently).
/// </summary>
public sealed class PostgreSqlStorageFixture : IStorageFixture, IAsyncLifetime
{
    public const string EnvironmentVariable = "COMMERCEBRAIN_TEST_POSTGRES";

    private readonly string _adminConnectionString;

    public PostgreSqlStorageFixture()
    {
        _adminConnectionString = AdminConnectionString();
        DatabaseName = $"cb_test_{Guid.NewGuid():N}";
        // A small pool: test classes run in parallel and share the server with other test projects.
        var builder = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = DatabaseName, MaxPoolSize = 20 };
        ConnectionString = builder.ConnectionString;
        Settings = new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = ConnectionString,
            ["CommerceBrain:DataDirectory"] = Path.Combine(Path.GetTempPath(), "cb-storage-tests", "pg-data"),
        };
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    public StorageProviderKind Provider => StorageProviderKind.PostgreSql;

    public IDictionary<string, string?> Settings { get; }

    public StorageHarness Harness { get; private set; } = null!;

    public static string AdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL storage tests cannot run. Run './build.sh test', which starts " +
                $"a throw-away PostgreSQL server and sets it, or set {EnvironmentVariable} to a superuser connection string of a " +
                "throw-away server (e.g. 'Host=127.0.0.1;Port=55433;Username=postgres').");
        }

        return value;
    }

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", admin);
            await create.ExecuteNonQueryAsync();
        }

        Harness = await StorageHarness.StartAsync(Settings);
    }

    /// <summary>Creates another empty database on the same server, dropped with this fixture.</summary>
    public async Task<string> CreateSiblingDatabaseAsync()
    {
        var name = $"{DatabaseName}_{_siblings.Count + 1}";
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        _siblings.Add(name);
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, MaxPoolSize = 20 }.ConnectionString;
    }

    private readonly List<string> _siblings = [];

    public async Task DisposeAsync()
    {
        if (Harness is not null)
        {
            await Harness.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        foreach (var name in _siblings.Append(DatabaseName))
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
