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
