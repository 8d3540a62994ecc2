using System.Data.Common;

namespace CommerceBrain.Storage;

/// <summary>Small ADO.NET helpers for modules that read their own tables without Dapper, on either provider.</summary>
public static class DbCommandExtensions
{
    /// <summary>A command for <paramref name="sql"/> with named parameters (<c>@name</c> in the SQL).</summary>
    public static DbCommand CreateCommand(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// A timestamp column as the group-commit writer stores it (<see cref="GroupCommit.AppendColumnType.Timestamp"/>):
    /// unix milliseconds on SQLite, <c>timestamptz</c> on PostgreSQL.
    /// </summary>
    public static DateTimeOffset GetTimestamp(this DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetValue(ordinal) switch
        {
            long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
            DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
            DateTimeOffset at => at,
            var other => throw new InvalidOperationException(
                $"Column '{reader.GetName(ordinal)}' holds a timestamp of unexpected type {other.GetType().Name}."),
        };
    }
}
