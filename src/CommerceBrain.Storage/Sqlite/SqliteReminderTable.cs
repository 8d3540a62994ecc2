using CommerceBrain.Actors;
using CommerceBrain.Actors.Reminders;
using Dapper;

namespace CommerceBrain.Storage.Sqlite;

/// <summary>Reminder definitions in the SQLite <c>reminders</c> table.</summary>
internal sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string SelectColumns = "SELECT grain_id AS GrainId, name AS Name, start_at AS StartAt, period_ms AS PeriodMs, version AS Version FROM reminders";

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ReminderValues.Validate(entry);
        return database.WriteAsync(async (connection, ct) =>
        {
            var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO reminders (grain_id, name, start_at, period_ms, version) VALUES (@GrainId, @Name, @StartAt, @PeriodMs, 1)
                ON CONFLICT (grain_id, name) DO UPDATE SET start_at = excluded.start_at, period_ms = excluded.period_ms, version = reminders.version + 1
                RETURNING version
                """,
                new
                {
                    GrainId = entry.GrainId.ToString(),
                    entry.Name,
                    StartAt = entry.StartAt.ToUnixTimeMilliseconds(),
                    PeriodMs = ReminderValues.PeriodMs(entry.Period),
                },
                cancellationToken: ct)).ConfigureAwait(false);
            return GrainStateEtag.Format(version);
        }, cancellationToken);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        ReminderValues.Validate(grainId, reminderName);
        return database.WriteAsync(async (connection, ct) =>
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM reminders WHERE grain_id = @GrainId AND name = @Name",
                new { GrainId = grainId.ToString(), Name = reminderName },
                cancellationToken: ct)).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId.Type, nameof(grainId));
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            SelectColumns + " WHERE grain_id = @GrainId ORDER BY name", new { GrainId = grainId.ToString() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            SelectColumns + " ORDER BY grain_id, name", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToEntry())];
    }

    private sealed record Row(string GrainId, string Name, long StartAt, long PeriodMs, long Version)
    {
        public ReminderEntry ToEntry() =>
            ReminderValues.Entry(GrainId, Name, DateTimeOffset.FromUnixTimeMilliseconds(StartAt), PeriodMs, Version);
    }
}
