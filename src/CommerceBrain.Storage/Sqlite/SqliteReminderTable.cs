using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace CommerceBrain.Storage.Sqlite;

/// <summary>
/// Orleans' reminder table in the SQLite <c>reminders</c> table, keyed by (service id, grain id, reminder name).
/// The row's version is its ETag: an upsert bumps it, a removal must present it.
/// </summary>
internal sealed class SqliteReminderTable : IReminderTable
{
    private const string Columns = "SELECT grain_id, reminder_name, start_at, period_ms, version FROM reminders";

    private const string UpsertSql = """
        INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, version)
        VALUES ($service, $grain, $name, $hash, $start, $period, 1)
        ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
            grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms,
            version = reminders.version + 1
        RETURNING version
        """;

    private const string RemoveSql =
        "DELETE FROM reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name AND version = $version";

    private static readonly string[] UpsertParameters = ["$service", "$grain", "$name", "$hash", "$start", "$period"];
    private static readonly string[] RemoveParameters = ["$service", "$grain", "$name", "$version"];

    private readonly SqliteDatabase _database;
    private readonly string _serviceId;

    public SqliteReminderTable(SqliteDatabase database, string serviceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        _database = database;
        _serviceId = serviceId;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        QueryAsync(Columns + " WHERE service_id = $service AND grain_id = $grain ORDER BY reminder_name", ("$grain", grainId.ToString()));

    /// <summary>Rows whose hash lies in (begin, end]; when begin &gt;= end the range wraps around the ring.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => begin < end
        ? QueryAsync(Columns + " WHERE service_id = $service AND grain_hash > $begin AND grain_hash <= $end", ("$begin", (long)begin), ("$end", (long)end))
        : QueryAsync(Columns + " WHERE service_id = $service AND (grain_hash > $begin OR grain_hash <= $end)", ("$begin", (long)begin), ("$end", (long)end));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        var rows = await QueryAsync(
            Columns + " WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name",
            ("$grain", grainId.ToString()),
            ("$name", reminderName)).ConfigureAwait(false);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName, nameof(entry));
        if (entry.Period < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Period, $"Reminder '{entry.ReminderName}' has a negative period.");
        }

        // Orleans hands over UTC times; an unspecified kind is taken as UTC, as Orleans' ADO.NET table does.
        var start = entry.StartAt.Kind == DateTimeKind.Local ? entry.StartAt.ToUniversalTime() : DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc);
        return _database.WriteCoalescedAsync<string?>(writer =>
        {
            var command = _database.WriterCommand(writer, UpsertSql, UpsertParameters);
            command.Parameters[0].Value = _serviceId;
            command.Parameters[1].Value = entry.GrainId.ToString();
            command.Parameters[2].Value = entry.ReminderName;
            command.Parameters[3].Value = (long)entry.GrainId.GetUniformHashCode();
            command.Parameters[4].Value = new DateTimeOffset(start).ToUnixTimeMilliseconds();
            command.Parameters[5].Value = (long)entry.Period.TotalMilliseconds;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }, CancellationToken.None);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            // An ETag this table never issued cannot match any row.
            return Task.FromResult(false);
        }

        return _database.WriteCoalescedAsync(writer =>
        {
            var command = _database.WriterCommand(writer, RemoveSql, RemoveParameters);
            command.Parameters[0].Value = _serviceId;
            command.Parameters[1].Value = grainId.ToString();
            command.Parameters[2].Value = reminderName;
            command.Parameters[3].Value = version;
            return command.ExecuteNonQuery() > 0;
        }, CancellationToken.None);
    }

    public Task TestOnlyClearTable() =>
        _database.WriteAsync(writer =>
        {
            using var command = writer.CreateCommand();
            command.CommandText = "DELETE FROM reminders WHERE service_id = $service";
            command.Parameters.AddWithValue("$service", _serviceId);
            return command.ExecuteNonQuery();
        }, CancellationToken.None);

    private async Task<ReminderTableData> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var entries = new List<ReminderEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)).UtcDateTime,
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }

        return new ReminderTableData(entries);
    }
}
