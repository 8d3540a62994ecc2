using CommerceBrain.Actors;
using CommerceBrain.Actors.Persistence;
using Microsoft.Data.Sqlite;

namespace CommerceBrain.Storage.Sqlite;

/// <summary>Grain state in the SQLite <c>grain_state</c> table; each write is one statement on the writer connection.</summary>
internal sealed class SqliteGrainStorage(SqliteDatabase database) : IGrainStorage
{
    private const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload, modified_on)
        VALUES ($type, $key, $state, 1, $payload, $at)
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET payload = $payload, version = version + 1, modified_on = $at
        WHERE grain_type = $type AND grain_key = $key AND state_name = $state AND version = $version
        RETURNING version
        """;

    private const string VersionSql = "SELECT version FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state";

    private static readonly string[] InsertParameters = ["$type", "$key", "$state", "$payload", "$at"];
    private static readonly string[] UpdateParameters = ["$type", "$key", "$state", "$payload", "$at", "$version"];
    private static readonly string[] VersionParameters = ["$type", "$key", "$state"];

    public async Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        GrainStateEtag.Validate(grainId, stateName);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload, version FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state";
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$state", stateName);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var payload = reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0);
        return new GrainStateRecord(payload, GrainStateEtag.Format(reader.GetInt64(1)));
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        GrainStateEtag.Validate(grainId, stateName);
        return WriteCoreAsync("write", grainId, stateName, payload.ToArray(), expectedEtag, cancellationToken);
    }

    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        GrainStateEtag.Validate(grainId, stateName);
        return WriteCoreAsync("clear", grainId, stateName, null, expectedEtag, cancellationToken);
    }

    private Task<string> WriteCoreAsync(string operation, GrainId grainId, string stateName, byte[]? payload, string? expectedEtag, CancellationToken cancellationToken)
    {
        long expected = 0;
        if (expectedEtag is not null && !GrainStateEtag.TryParse(expectedEtag, out expected))
        {
            return ConflictAsync(operation, grainId, stateName, expectedEtag, cancellationToken);
        }

        var at = database.Time.GetUtcNow().ToUnixTimeMilliseconds();
        return database.WriteAsync(writer =>
        {
            var command = expectedEtag is null
                ? database.WriterCommand(writer, InsertSql, InsertParameters)
                : database.WriterCommand(writer, UpdateSql, UpdateParameters);
            var parameters = command.Parameters;
            parameters[0].Value = grainId.Type;
            parameters[1].Value = grainId.Key;
            parameters[2].Value = stateName;
            parameters[3].Value = (object?)payload ?? DBNull.Value;
            parameters[4].Value = at;
            if (expectedEtag is not null)
            {
                parameters[5].Value = expected;
            }

            var result = command.ExecuteScalar();
            if (result is long version)
            {
                StorageTelemetry.GrainStateWrites.Add(1);
                return GrainStateEtag.Format(version);
            }

            throw GrainStateEtag.Conflict(operation, grainId, stateName, StoredVersion(writer, grainId, stateName), expectedEtag);
        }, cancellationToken);
    }

    private Task<string> ConflictAsync(string operation, GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken) =>
        database.WriteAsync<string>(
            writer => throw GrainStateEtag.Conflict(operation, grainId, stateName, StoredVersion(writer, grainId, stateName), expectedEtag),
            cancellationToken);

    private long? StoredVersion(SqliteConnection writer, GrainId grainId, string stateName)
    {
        var command = database.WriterCommand(writer, VersionSql, VersionParameters);
        command.Parameters[0].Value = grainId.Type;
        command.Parameters[1].Value = grainId.Key;
        command.Parameters[2].Value = stateName;
        return command.ExecuteScalar() is long version ? version : null;
    }
}
