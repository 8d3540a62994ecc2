using Npgsql;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>A fresh database on the test PostgreSQL server named by <c>COMMERCEBRAIN_TEST_POSTGRES</c>, dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "COMMERCEBRAIN_TEST_POSTGRES";

    private readonly string serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name, string connectionString)
    {
        this.serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the database; fails the test (never skips it) when no server is configured.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Assert.False(
            string.IsNullOrWhiteSpace(server),
            $"{Variable} is not set, so the PostgreSQL tests cannot run. Use ./build.sh test, which starts a throw-away " +
            $"PostgreSQL and sets it, or set {Variable} to a server you own, e.g. 'Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres'.");

        var name = "cb_it_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(server!, name, connectionString);
    }

    public ValueTask DisposeAsync() => new(DropAsync());

    /// <summary>Drops the database, ending every connection to it.</summary>
    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
