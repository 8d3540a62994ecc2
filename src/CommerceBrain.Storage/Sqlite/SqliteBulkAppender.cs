using CommerceBrain.Storage.GroupCommit;
using Microsoft.Data.Sqlite;

namespace CommerceBrain.Storage.Sqlite;

/// <summary>Writes a batch as one SQLite transaction with one prepared INSERT executed per row.</summary>
internal sealed class SqliteBulkAppender<TRow>
{
    private readonly SqliteDatabase _database;
    private readonly AppendOnlyTable<TRow> _table;
    private readonly string _sql;
    private readonly string[] _parameterNames;

    public SqliteBulkAppender(SqliteDatabase database, AppendOnlyTable<TRow> table)
    {
        _database = database;
        _table = table;
        _parameterNames = [.. table.Columns.Select((_, i) => "$p" + i)];
        _sql = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", _parameterNames)})";
    }

    public Task AppendBatchAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken) =>
        _database.WriteAsync(writer =>
        {
            var insert = _database.WriterCommand(writer, _sql, _parameterNames);
            using var transaction = writer.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            try
            {
                foreach (var row in rows)
                {
                    for (var c = 0; c < _table.Columns.Count; c++)
                    {
                        var column = _table.Columns[c];
                        insert.Parameters[c].Value = ToSqlite(column.Type, column.Value(row));
                    }

                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }
            finally
            {
                insert.Transaction = null;
            }

            return true;
        }, cancellationToken);

    internal static object ToSqlite(AppendColumnType type, object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset at when type == AppendColumnType.Timestamp => at.ToUnixTimeMilliseconds(),
        DateTime at when type == AppendColumnType.Timestamp => new DateTimeOffset(at.ToUniversalTime()).ToUnixTimeMilliseconds(),
        Guid id => id.ToString("D"),
        ReadOnlyMemory<byte> bytes => bytes.ToArray(),
        _ => value,
    };
}
