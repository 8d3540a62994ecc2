namespace CommerceBrain.Storage.GroupCommit;

/// <summary>One column of an <see cref="AppendOnlyTable{TRow}"/>.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">Logical type; decides the PostgreSQL COPY type and the SQLite encoding.</param>
/// <param name="Value">Reads the value from a row; null writes SQL NULL.</param>
public sealed record AppendColumn<TRow>(string Name, AppendColumnType Type, Func<TRow, object?> Value);
