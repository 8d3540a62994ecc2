using Npgsql;

namespace CommerceBrain.Storage.Tests.Fixtures;

/// <summary>
/// The throw-away server named by <c>COMMERCEBRAIN_TEST_POSTGRES</c>: creates and drops <c>cb_test_&lt;random&gt;</c>
/// databases. Without that variable every PostgreSQL test fails with a message saying how to set it (never skips).
/// </summary>
public static class PostgreSqlTestServer
{
    public const string EnvironmentVariable = "COMMERCEBRAIN_TEST_POSTGRES";

    public static string AdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL tests cannot run. Run './build.sh test', which starts " +
                $"a throw-away PostgreSQL server and sets it, or set {EnvironmentVariable} to a superuser connection string of a " +
                "throw-away server (e.g. 'Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres').");
        }

        return value;
    }

    /// <summary>Creates an empty database and returns a connection string to it (small pool: tests share the server).</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString();
        var name = $"cb_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return (name, new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 20 }.ConnectionString);
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
