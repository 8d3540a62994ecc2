using System.Data.Common;
using CommerceBrain.Storage;
using CommerceBrain.Storage.GroupCommit;

namespace CommerceBrain.Conversations.Storage;

/// <summary>
/// The transcript ledger (<c>session_events</c>): appends go through one group-commit writer per silo, so a turn is
/// acknowledged once its row is committed while thousands of sessions share each transaction; reads return a session's
/// rows in order for the grain to rebuild itself.
/// </summary>
internal sealed class SessionLedger : IAsyncDisposable
{
    internal static readonly AppendOnlyTable<SessionEvent> Table = new("session_events",
    [
        new("session_id", AppendColumnType.Text, e => e.SessionId),
        new("seq", AppendColumnType.Integer, e => e.Seq),
        new("kind", AppendColumnType.Text, e => e.Kind),
        new("at", AppendColumnType.Timestamp, e => e.At),
        new("customer_id", AppendColumnType.Text, e => e.CustomerId),
        new("client_message_id", AppendColumnType.Text, e => e.ClientMessageId),
        new("body", AppendColumnType.Text, e => e.Body),
        new("reply", AppendColumnType.Json, e => e.Reply),
        new("state", AppendColumnType.Json, e => e.State),
        new("data", AppendColumnType.Json, e => e.Data),
    ]);

    private const string SelectSql =
        "SELECT session_id, seq, kind, at, customer_id, client_message_id, body, reply, state, data " +
        "FROM session_events WHERE session_id = @id ORDER BY seq";

    private readonly StorageDatabase database;
    private readonly GroupCommitWriter<SessionEvent> writer;

    public SessionLedger(StorageDatabase database, IGroupCommitWriterFactory writers)
    {
        this.database = database;
        writer = writers.Create(Table);
    }

    /// <summary>Appends <paramref name="row"/>; completes once it is committed.</summary>
    public Task AppendAsync(SessionEvent row, CancellationToken cancellationToken = default) =>
        writer.AppendAsync(row, cancellationToken);

    /// <summary>A session's rows in sequence order; empty for a session never opened.</summary>
    public async Task<IReadOnlyList<SessionEvent>> ReadAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(SelectSql, ("id", sessionId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<SessionEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new SessionEvent(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetTimestamp(3),
                reader.GetString(4),
                NullableString(reader, 5),
                NullableString(reader, 6),
                NullableString(reader, 7),
                NullableString(reader, 8),
                NullableString(reader, 9)));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();

    private static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
