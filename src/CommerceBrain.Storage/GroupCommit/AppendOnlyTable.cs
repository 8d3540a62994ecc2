using System.Text.RegularExpressions;

namespace CommerceBrain.Storage.GroupCommit;

/// <summary>
/// An append-only table written by a <see cref="GroupCommitWriter{TRow}"/>: its name and how each column is taken
/// from a row. The table itself comes from the owning module's migrations.
/// </summary>
public sealed partial class AppendOnlyTable<TRow>
{
    public AppendOnlyTable(string name, IReadOnlyList<AppendColumn<TRow>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (!Identifier().IsMatch(name ?? string.Empty))
        {
            throw new ArgumentException($"'{name}' is not a plain lower-case table name ([a-z_][a-z0-9_]*, optionally schema-qualified).", nameof(name));
        }

        if (columns.Count == 0)
        {
            throw new ArgumentException("An append-only table needs at least one column.", nameof(columns));
        }

        foreach (var column in columns)
        {
            if (!Identifier().IsMatch(column.Name ?? string.Empty) || column.Name!.Contains('.', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{column.Name}' is not a plain lower-case column name.", nameof(columns));
            }
        }

        Name = name!;
        Columns = columns;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The columns written, in order.</summary>
    public IReadOnlyList<AppendColumn<TRow>> Columns { get; }

    [GeneratedRegex(@"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$")]
    private static partial Regex Identifier();
}

/// <summary>One column of an <see cref="AppendOnlyTable{TRow}"/>.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">Logical type; decides the PostgreSQL COPY type and the SQLite encoding.</param>
/// <param name="Value">Reads the value from a row; null writes SQL NULL.</param>
public sealed record AppendColumn<TRow>(string Name, AppendColumnType Type, Func<TRow, object?> Value);

/// <summary>Logical column types for append-only tables.</summary>
public enum AppendColumnType
{
    /// <summary>PostgreSQL <c>text</c>, SQLite <c>TEXT</c>.</summary>
    Text,

    /// <summary>64-bit integer: PostgreSQL <c>bigint</c>, SQLite <c>INTEGER</c>.</summary>
    Integer,

    /// <summary>PostgreSQL <c>double precision</c>, SQLite <c>REAL</c>.</summary>
    Real,

    /// <summary>PostgreSQL <c>boolean</c>, SQLite <c>INTEGER</c> 0/1.</summary>
    Boolean,

    /// <summary>PostgreSQL <c>bytea</c>, SQLite <c>BLOB</c>.</summary>
    Bytes,

    /// <summary>A <see cref="DateTimeOffset"/>: PostgreSQL <c>timestamptz</c>, SQLite <c>INTEGER</c> unix milliseconds.</summary>
    Timestamp,

    /// <summary>A <see cref="Guid"/>: PostgreSQL <c>uuid</c>, SQLite <c>TEXT</c>.</summary>
    Uuid,

    /// <summary>JSON text: PostgreSQL <c>jsonb</c>, SQLite <c>TEXT</c>.</summary>
    Json,
}
