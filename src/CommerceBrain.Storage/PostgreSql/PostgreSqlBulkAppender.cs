using CommerceBrain.Storage.GroupCommit;
using Npgsql;
using NpgsqlTypes;

namespace CommerceBrain.Storage.PostgreSql;

/// <summary>Writes a batch with one binary COPY, a single statement and therefore a single transaction.</summary>
internal sealed class PostgreSqlBulkAppender<TRow>
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly AppendOnlyTable<TRow> _table;
    private readonly NpgsqlDbType[] _types;
    private readonly string _copy;

    public PostgreSqlBulkAppender(NpgsqlDataSource dataSource, AppendOnlyTable<TRow> table)
    {
        _dataSource = dataSource;
        _table = table;
        _types = [.. table.Columns.Select(c => ToNpgsql(c.Type))];
        _copy = $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
    }

    public async Task AppendBatchAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var importer = await connection.BeginBinaryImportAsync(_copy, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            for (var c = 0; c < _types.Length; c++)
            {
                var value = Normalize(_table.Columns[c].Type, _table.Columns[c].Value(row));
                switch (value)
                {
                    case null:
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    case DateTimeOffset at:
                        // Npgsql writes timestamptz only from UTC values.
                        await importer.WriteAsync(at.ToUniversalTime(), _types[c], cancellationToken).ConfigureAwait(false);
                        break;
                    case ReadOnlyMemory<byte> bytes:
                        await importer.WriteAsync(bytes.ToArray(), _types[c], cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await importer.WriteAsync(value, _types[c], cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }

        // The COPY commits here; without this call disposal rolls it back.
        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static object? Normalize(AppendColumnType type, object? value) => (type, value) switch
    {
        (_, null) => null,
        (AppendColumnType.Integer, not long) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        (AppendColumnType.Real, not double) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        (AppendColumnType.Timestamp, DateTime at) => new DateTimeOffset(at.ToUniversalTime()),
        _ => value,
    };

    private static NpgsqlDbType ToNpgsql(AppendColumnType type) => type switch
    {
        AppendColumnType.Text => NpgsqlDbType.Text,
        AppendColumnType.Integer => NpgsqlDbType.Bigint,
        AppendColumnType.Real => NpgsqlDbType.Double,
        AppendColumnType.Boolean => NpgsqlDbType.Boolean,
        AppendColumnType.Bytes => NpgsqlDbType.Bytea,
        AppendColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        AppendColumnType.Uuid => NpgsqlDbType.Uuid,
        AppendColumnType.Json => NpgsqlDbType.Jsonb,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };
}
