using System.Data;
using CommerceBrain.Storage.Tests.Fixtures;
using Dapper;
using Npgsql;

namespace CommerceBrain.Storage.Tests.Clustering;

/// <summary>
/// The OrleansQuery rows our PostgreSQL migrations install, run directly with the parameter names and DbTypes
/// Orleans 10.4.2's ADO.NET providers send: every key is present, and the membership writes are all-or-nothing.
/// </summary>
public sealed class PostgreSqlOrleansQueryTests(PostgreSqlStorageFixture fixture) : IClassFixture<PostgreSqlStorageFixture>
{
    private static readonly DateTime Now = new(2026, 11, 11, 12, 0, 0, DateTimeKind.Utc);

    // Every key the three 10.4.2 providers read (clustering fails start-up without its nine; CleanupDefunctSiloEntryKey
    // is optional but preferred; DeleteStorageKey is needed for DeleteStateOnClear).
    public static TheoryData<string> Keys => new()
    {
        "InsertMembershipVersionKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipKey",
        "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    };

    private string ConnectionString => fixture.Settings["CommerceBrain:Storage:ConnectionString"]!;

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Every_query_key_the_providers_read_is_installed(string key)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);

        // The providers' own bootstrap SELECT, unquoted: it must resolve to our lower-case table.
        var text = await connection.ExecuteScalarAsync<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", new { key });

        Assert.False(string.IsNullOrWhiteSpace(text), $"{key} is missing");
    }

    [Fact]
    public async Task Inserting_a_member_with_a_stale_table_version_writes_nothing()
    {
        var cluster = NewCluster();
        Assert.Equal(1, await RunAsync("InsertMembershipVersionKey", P("DeploymentId", cluster)));
        Assert.Equal(0, await RunAsync("InsertMembershipVersionKey", P("DeploymentId", cluster)));

        Assert.Equal(1, await InsertMemberAsync(cluster, port: 1, version: 0));
        Assert.Equal(0, await InsertMemberAsync(cluster, port: 2, version: 0)); // version is 1 now
        Assert.Equal(0, await InsertMemberAsync(cluster, port: 1, version: 1)); // row exists: version must not move

        var (members, version) = await ReadAllAsync(cluster);
        Assert.Equal([1], members);
        Assert.Equal(1, version);
    }

    [Fact]
    public async Task Updating_a_member_with_a_stale_table_version_writes_nothing()
    {
        var cluster = NewCluster();
        await RunAsync("InsertMembershipVersionKey", P("DeploymentId", cluster));
        await InsertMemberAsync(cluster, port: 1, version: 0);

        Assert.Equal(0, await UpdateMemberAsync(cluster, port: 1, status: 6, version: 0));
        Assert.Equal(0, await UpdateMemberAsync(cluster, port: 9, status: 6, version: 1)); // no such member
        Assert.Equal(1, await UpdateMemberAsync(cluster, port: 1, status: 5, version: 1));

        await using var connection = new NpgsqlConnection(ConnectionString);
        Assert.Equal(5, await connection.ExecuteScalarAsync<int>("SELECT status FROM orleansmembershiptable WHERE deploymentid = @cluster", new { cluster }));
        Assert.Equal(2, (await ReadAllAsync(cluster)).Version);
    }

    [Fact]
    public async Task The_batch_clean_up_removes_only_dead_rows_older_than_the_cut_off_without_suspicions()
    {
        var cluster = NewCluster();
        await RunAsync("InsertMembershipVersionKey", P("DeploymentId", cluster));
        for (var port = 1; port <= 4; port++)
        {
            await InsertMemberAsync(cluster, port, version: port - 1);
        }

        await UpdateMemberAsync(cluster, port: 1, status: 6, version: 4);                                 // dead, old: goes
        await UpdateMemberAsync(cluster, port: 2, status: 6, version: 5, suspectTimes: "S1:1:1,2026");   // dead, suspected: stays
        await UpdateMemberAsync(cluster, port: 3, status: 3, version: 6);                                 // active: stays
        await UpdateMemberAsync(cluster, port: 4, status: 6, version: 7, aliveAt: Now.AddHours(2));      // dead, recent: stays

        await RunAsync("CleanupDefunctSiloEntriesKey", P("DeploymentId", cluster), P("IAmAliveTime", Now.AddHours(1), DbType.DateTime));

        Assert.Equal([2, 3, 4], (await ReadAllAsync(cluster)).Members);
    }

    [Fact]
    public async Task The_per_row_clean_up_removes_a_dead_row_only_while_it_is_unchanged()
    {
        var cluster = NewCluster();
        await RunAsync("InsertMembershipVersionKey", P("DeploymentId", cluster));
        await InsertMemberAsync(cluster, port: 1, version: 0);
        await UpdateMemberAsync(cluster, port: 1, status: 6, version: 1);

        IDbDataParameter[] Row(DateTime aliveAt) =>
        [
            P("DeploymentId", cluster), P("Address", "10.0.0.1", DbType.AnsiString), P("Port", 1), P("Generation", 7),
            P("SuspectTimes", null, DbType.String), P("StartTime", Now, DbType.DateTime), P("IAmAliveTime", aliveAt, DbType.DateTime),
        ];

        await RunAsync("CleanupDefunctSiloEntryKey", Row(Now.AddSeconds(-1)));   // the row changed since that read
        Assert.Equal([1], (await ReadAllAsync(cluster)).Members);

        await RunAsync("CleanupDefunctSiloEntryKey", Row(Now));
        Assert.Empty((await ReadAllAsync(cluster)).Members);
    }

    private static string NewCluster() => $"c-{Guid.NewGuid():N}";

    private Task<int> InsertMemberAsync(string cluster, int port, int version) =>
        RunAsync(
            "InsertMembershipKey",
            P("DeploymentId", cluster), P("Address", "10.0.0.1", DbType.AnsiString), P("Port", port), P("Generation", 7),
            P("SiloName", $"silo-{port}"), P("HostName", "host"), P("Status", 2), P("ProxyPort", 30000 + port),
            P("StartTime", Now, DbType.DateTime), P("IAmAliveTime", Now, DbType.DateTime), P("Version", version));

    private Task<int> UpdateMemberAsync(string cluster, int port, int status, int version, string? suspectTimes = null, DateTime? aliveAt = null) =>
        RunAsync(
            "UpdateMembershipKey",
            P("DeploymentId", cluster), P("Address", "10.0.0.1", DbType.AnsiString), P("Port", port), P("Generation", 7),
            P("Status", status), P("SuspectTimes", suspectTimes, DbType.String), P("IAmAliveTime", aliveAt ?? Now, DbType.DateTime),
            P("Version", version));

    private async Task<(List<int> Members, int Version)> ReadAllAsync(string cluster)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = await CommandAsync(connection, "MembershipReadAllKey", P("DeploymentId", cluster));
        await using var reader = await command.ExecuteReaderAsync();
        var members = new List<int>();
        var version = -1;
        while (await reader.ReadAsync())
        {
            version = reader.GetInt32(reader.GetOrdinal("Version"));
            if (!reader.IsDBNull(reader.GetOrdinal("StartTime")))
            {
                members.Add(reader.GetInt32(reader.GetOrdinal("Port")));
            }
        }

        members.Sort();
        return (members, version);
    }

    /// <summary>Runs a stored query as the providers do (text with @names) and returns its first column, or rows affected.</summary>
    private async Task<int> RunAsync(string key, params IDbDataParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = await CommandAsync(connection, key, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        return reader.FieldCount > 0 && await reader.ReadAsync() ? Convert.ToInt32(reader.GetValue(0)) : reader.RecordsAffected;
    }

    private static async Task<NpgsqlCommand> CommandAsync(NpgsqlConnection connection, string key, params IDbDataParameter[] parameters)
    {
        var text = await connection.ExecuteScalarAsync<string>("SELECT querytext FROM orleansquery WHERE querykey = @key", new { key });
        var command = new NpgsqlCommand(text, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    // The DbTypes Orleans' DbExtensions map parameters to (int -> Int32, string -> String, DateTime -> DateTime, ...).
    private static IDbDataParameter P(string name, object? value, DbType? type = null) =>
        new NpgsqlParameter
        {
            ParameterName = name,
            Value = value ?? DBNull.Value,
            DbType = type ?? value switch
            {
                int => DbType.Int32,
                string => DbType.String,
                DateTime => DbType.DateTime,
                _ => throw new ArgumentException($"give a DbType for {name}"),
            },
        };
}
