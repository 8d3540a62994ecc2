using System.Data.Common;
using CommerceBrain.Agents.Grains;
using CommerceBrain.Storage;
using Orleans.Serialization;

namespace CommerceBrain.Agents.Storage;

/// <summary>
/// A group queue's entries in <c>agent_queue_entries</c>, one row per waiting session. Only the group's queue grain
/// writes its rows (the single writer); every write is committed, in one transaction, before it returns.
/// </summary>
public sealed class QueueEntryStore(StorageDatabase database, Serializer<QueueEntry> serializer, TimeProvider clock)
{
    private const string LoadSql = "SELECT data FROM agent_queue_entries WHERE queue_group = @group";

    private const string UpsertSql =
        "INSERT INTO agent_queue_entries (queue_group, session_id, data, updated_at) VALUES (@group, @session, @data, @at) " +
        "ON CONFLICT (queue_group, session_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at";

    private const string DeleteSql = "DELETE FROM agent_queue_entries WHERE queue_group = @group AND session_id = @session";

    private long rowsWritten;

    /// <summary>Rows upserted or deleted since the silo started (what a change cost; tests read it).</summary>
    public long RowsWritten => Interlocked.Read(ref rowsWritten);

    /// <summary>Every entry of <paramref name="group"/>.</summary>
    public async Task<List<QueueEntry>> LoadAsync(string group, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(LoadSql, ("group", group));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<QueueEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(serializer.Deserialize((byte[])reader.GetValue(0))
                ?? throw new InvalidOperationException($"An empty queue entry row in group '{group}'."));
        }

        return entries;
    }

    /// <summary>Writes <paramref name="upserts"/> and deletes <paramref name="deletes"/> (session ids) of <paramref name="group"/> in one transaction.</summary>
    public async Task WriteAsync(string group, IReadOnlyCollection<QueueEntry> upserts, IReadOnlyCollection<string> deletes,
        CancellationToken cancellationToken = default)
    {
        if (upserts.Count == 0 && deletes.Count == 0)
        {
            return;
        }

        // Serialized outside the writer: on SQLite the write connection is shared, so its turn should be short.
        var rows = upserts.Select(e => (e.Session.SessionId, Data: serializer.SerializeToArray(e))).ToList();
        var at = Timestamp(clock.GetUtcNow());
        await database.WriteAsync(async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var (sessionId, data) in rows)
            {
                await Execute(connection, transaction, UpsertSql, ct, ("group", group), ("session", sessionId), ("data", data), ("at", at));
            }

            foreach (var sessionId in deletes)
            {
                await Execute(connection, transaction, DeleteSql, ct, ("group", group), ("session", sessionId));
            }

            await transaction.CommitAsync(ct);
            return 0;
        }, cancellationToken);
        Interlocked.Add(ref rowsWritten, rows.Count + deletes.Count);
        AgentsTelemetry.QueueRowsWritten.Add(rows.Count + deletes.Count, new KeyValuePair<string, object?>("group", group));
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand(sql, parameters);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(ct);
    }

    // SQLite keeps unix milliseconds, PostgreSQL a timestamptz (Npgsql wants it in UTC).
    private object Timestamp(DateTimeOffset at) =>
        database.Provider == StorageProviderKind.Sqlite ? at.ToUnixTimeMilliseconds() : at.ToUniversalTime();
}
