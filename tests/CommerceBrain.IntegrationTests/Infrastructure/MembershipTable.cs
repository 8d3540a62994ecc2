using Npgsql;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>Reads Orleans' membership rows (<c>orleansmembershiptable</c>) of one cluster, as the silos wrote them.</summary>
public static class MembershipTable
{
    /// <summary>Orleans' <c>SiloStatus.Active</c> as stored in the <c>status</c> column.</summary>
    public const int Active = 3;

    /// <summary>Orleans' <c>SiloStatus.Dead</c> as stored in the <c>status</c> column.</summary>
    public const int Dead = 6;

    /// <summary>One silo incarnation: a restarted process on the same port is a new row (new generation).</summary>
    public sealed record Row(string Address, int Port, int Generation, int Status);

    public static async Task<IReadOnlyList<Row>> ReadAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT address, port, generation, status FROM orleansmembershiptable WHERE deploymentid = @cluster ORDER BY port, generation",
            connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return rows;
    }

    /// <summary>The status of the silo on <paramref name="siloPort"/>, or null while it has no row.</summary>
    public static async Task<int?> StatusAsync(string connectionString, string clusterId, int siloPort)
    {
        var rows = await ReadAsync(connectionString, clusterId);
        // Each test silo runs once on its port, so there is one row per port.
        return rows.SingleOrDefault(r => r.Port == siloPort)?.Status;
    }
}
