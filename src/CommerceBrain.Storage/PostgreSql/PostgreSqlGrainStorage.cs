using CommerceBrain.Actors;
using CommerceBrain.Actors.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace CommerceBrain.Storage.PostgreSql;

/// <summary>
/// Grain state in the PostgreSQL <c>grain_state</c> table. A write is one auto-prepared statement (one round-trip):
/// the version check and the bump happen in the same UPDATE, and RETURNING gives the new ETag without a SELECT.
/// The stored version is read only on the failure path, to put it in the exception.
/// </summary>
internal sealed class PostgreSqlGrainStorage(PostgreSqlDatabase database) : IGrainStorage
{
    private const string ReadSql = "SELECT payload, version FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3";

    private const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload, modified_on)
        VALUES ($1, $2, $3, 1, $4, $5)
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET payload = $4, version = version + 1, modified_on = $5
        WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $6
        RETURNING version
        """;

    private const string VersionSql = "SELECT version FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3";

    private readonly NpgsqlDataSource _dataSource = database.DataSource;

    public async Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        GrainStateEtag.Validate(grainId, stateName);
        await using var command = KeyCommand(ReadSql, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var payload = await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false) ? null : reader.GetFieldValue<byte[]>(0);
        return new GrainStateRecord(payload, GrainStateEtag.Format(reader.GetInt64(1)));
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        GrainStateEtag.Validate(grainId, stateName);
        return WriteCoreAsync("write", grainId, stateName, payload, isClear: false, expectedEtag, cancellationToken);
    }

    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        GrainStateEtag.Validate(grainId, stateName);
        return WriteCoreAsync("clear", grainId, stateName, default, isClear: true, expectedEtag, cancellationToken);
    }

    private async Task<string> WriteCoreAsync(
        string operation, GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, bool isClear, string? expectedEtag, CancellationToken cancellationToken)
    {
        long expected = 0;
        if (expectedEtag is not null && !GrainStateEtag.TryParse(expectedEtag, out expected))
        {
            throw GrainStateEtag.Conflict(operation, grainId, stateName, await StoredVersionAsync(grainId, stateName, cancellationToken).ConfigureAwait(false), expectedEtag);
        }

        await using var command = KeyCommand(expectedEtag is null ? InsertSql : UpdateSql, grainId, stateName);
        command.Parameters.Add(isClear
            ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = DBNull.Value }
            : new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = payload });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = database.Time.GetUtcNow() });
        if (expectedEtag is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = expected });
        }

        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (result is long version)
        {
            StorageTelemetry.GrainStateWrites.Add(1);
            return GrainStateEtag.Format(version);
        }

        throw GrainStateEtag.Conflict(operation, grainId, stateName, await StoredVersionAsync(grainId, stateName, cancellationToken).ConfigureAwait(false), expectedEtag);
    }

    private async Task<long?> StoredVersionAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = KeyCommand(VersionSql, grainId, stateName);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }

    private NpgsqlCommand KeyCommand(string sql, GrainId grainId, string stateName)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = stateName });
        return command;
    }
}
