using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace CommerceBrain.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the SQLite <c>grain_state</c> table. Every write or clear is ONE statement on the
/// writer connection whose WHERE clause carries the ETag check, so a stale ETag changes nothing and surfaces as
/// <see cref="InconsistentStateException"/>. Payloads are the bytes of the silo's <see cref="IGrainStorageSerializer"/>
/// (the same format Orleans' ADO.NET provider stores on PostgreSQL).
/// </summary>
internal sealed class SqliteGrainStorage : IGrainStorage
{
    private const string ReadSql =
        "SELECT payload, version FROM grain_state WHERE service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $state";

    // First write: only if no row exists (a cleared row counts as existing: its ETag must be presented).
    private const string InsertSql = """
        INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, version, payload, modified_on)
        VALUES ($service, $type, $key, $state, 1, $payload, $at)
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET payload = $payload, version = version + 1, modified_on = $at
        WHERE service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $state AND version = $version
        RETURNING version
        """;

    // Clear without an ETag (the caller believes a record exists but never read it): allowed only where nothing
    // live is stored; it leaves an empty row whose version the caller can write with next.
    private const string ClearWithoutEtagSql = """
        INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, version, payload, modified_on)
        VALUES ($service, $type, $key, $state, 1, NULL, $at)
        ON CONFLICT (service_id, grain_type, grain_key, state_name) DO UPDATE SET version = grain_state.version + 1, modified_on = excluded.modified_on
            WHERE grain_state.payload IS NULL
        RETURNING version
        """;

    private const string ClearSql = """
        UPDATE grain_state SET payload = NULL, version = version + 1, modified_on = $at
        WHERE service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $state AND version = $version
        RETURNING version
        """;

    private const string VersionSql =
        "SELECT version FROM grain_state WHERE service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $state";

    private static readonly string[] KeyParameters = ["$service", "$type", "$key", "$state"];
    private static readonly string[] InsertParameters = [.. KeyParameters, "$payload", "$at"];
    private static readonly string[] UpdateParameters = [.. KeyParameters, "$payload", "$at", "$version"];
    private static readonly string[] ClearWithoutEtagParameters = [.. KeyParameters, "$at"];
    private static readonly string[] ClearParameters = [.. KeyParameters, "$at", "$version"];

    private readonly string _name;
    private readonly SqliteDatabase _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly string _serviceId;

    public SqliteGrainStorage(string name, SqliteDatabase database, IGrainStorageSerializer serializer, IActivatorProvider activators, string serviceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        _name = name;
        _database = database;
        _serializer = serializer;
        _activators = activators;
        _serviceId = serviceId;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        Validate(stateName, grainId, grainState);
        var key = Key.Of(_serviceId, grainId, stateName);
        byte[]? payload = null;
        long? version = null;
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = ReadSql;
            key.Bind(command);
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                payload = reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0);
                version = reader.GetInt64(1);
            }
        }

        grainState.State = payload is null ? NewState<T>() : _serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version is { } v ? FormatEtag(v) : null;
        grainState.RecordExists = payload is not null;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        Validate(stateName, grainId, grainState);
        var key = Key.Of(_serviceId, grainId, stateName);
        var presented = grainState.ETag;
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var at = _database.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var etag = await _database.WriteCoalescedAsync(
            writer => ExecuteVersioned(writer, "write", grainId, stateName, key, presented,
                (InsertSql, InsertParameters), (UpdateSql, UpdateParameters, 6),
                command =>
                {
                    command.Parameters[4].Value = payload;
                    command.Parameters[5].Value = at;
                }),
            cancellationToken).ConfigureAwait(false);

        StorageTelemetry.GrainStateWrites.Add(1);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        Validate(stateName, grainId, grainState);
        if (!grainState.RecordExists && grainState.ETag is null)
        {
            // Nothing was ever read or written by this caller: like Orleans' ADO.NET provider, learn what is stored
            // first; clearing a state that holds nothing is a no-op (State becomes a fresh instance).
            await ReadStateAsync(stateName, grainId, grainState, cancellationToken).ConfigureAwait(false);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var key = Key.Of(_serviceId, grainId, stateName);
        var presented = grainState.ETag;
        var at = _database.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var etag = await _database.WriteCoalescedAsync(
            writer => ExecuteVersioned(writer, "clear", grainId, stateName, key, presented,
                (ClearWithoutEtagSql, ClearWithoutEtagParameters), (ClearSql, ClearParameters, 5),
                command => command.Parameters[4].Value = at),
            cancellationToken).ConfigureAwait(false);

        StorageTelemetry.GrainStateWrites.Add(1);
        grainState.ETag = etag;
        grainState.RecordExists = false;
        grainState.State = NewState<T>();
    }

    // Write and clear share one rule: no ETag runs the first statement, an ETag runs the second with the expected version;
    // no version back (or an ETag that is not ours) is a conflict that names the stored version and changes nothing.
    private string ExecuteVersioned(SqliteConnection writer, string operation, GrainId grainId, string stateName, Key key, string? presented,
        (string Sql, string[] Parameters) withoutEtag, (string Sql, string[] Parameters, int VersionIndex) withEtag, Action<SqliteCommand> bind)
    {
        SqliteCommand command;
        if (presented is null)
        {
            command = _database.WriterCommand(writer, withoutEtag.Sql, withoutEtag.Parameters);
        }
        else if (TryParseEtag(presented, out var expected))
        {
            command = _database.WriterCommand(writer, withEtag.Sql, withEtag.Parameters);
            command.Parameters[withEtag.VersionIndex].Value = expected;
        }
        else
        {
            throw Conflict(operation, grainId, stateName, StoredVersion(writer, key), presented);
        }

        key.Bind(command);
        bind(command);
        return command.ExecuteScalar() is long version
            ? FormatEtag(version)
            : throw Conflict(operation, grainId, stateName, StoredVersion(writer, key), presented);
    }

    private T NewState<T>() => _activators.GetActivator<T>().Create();

    private long? StoredVersion(SqliteConnection writer, Key key)
    {
        var command = _database.WriterCommand(writer, VersionSql, KeyParameters);
        key.Bind(command);
        return command.ExecuteScalar() is long version ? version : null;
    }

    private InconsistentStateException Conflict(string operation, GrainId grainId, string stateName, long? storedVersion, string? presentedEtag)
    {
        StorageTelemetry.GrainStateConflicts.Add(1);
        var stored = storedVersion is { } v ? FormatEtag(v) : null;
        var reason = (stored, presentedEtag) switch
        {
            (null, null) => "no record exists",
            (null, _) => $"no record exists, but ETag {presentedEtag} was presented",
            (_, null) => $"a record exists with ETag {stored}, but no ETag was presented",
            _ => $"the stored ETag is {stored} but {presentedEtag} was presented",
        };
        return new InconsistentStateException(
            $"Cannot {operation} state '{stateName}' of grain {grainId} in grain storage '{_name}': {reason}. " +
            "Nothing was changed; re-read the state and retry.",
            stored,
            presentedEtag);
    }

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseEtag(string etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;

    private static void Validate<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is the default (empty) id.", nameof(grainId));
        }
    }

    /// <summary>The primary key of one state row, bound to the first four parameters of a command.</summary>
    private readonly record struct Key(string ServiceId, string GrainType, string GrainKey, string StateName)
    {
        public static Key Of(string serviceId, GrainId grainId, string stateName) =>
            new(serviceId, grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);

        public void Bind(SqliteCommand command)
        {
            if (command.Parameters.Count == 0)
            {
                command.Parameters.AddWithValue("$service", ServiceId);
                command.Parameters.AddWithValue("$type", GrainType);
                command.Parameters.AddWithValue("$key", GrainKey);
                command.Parameters.AddWithValue("$state", StateName);
                return;
            }

            command.Parameters[0].Value = ServiceId;
            command.Parameters[1].Value = GrainType;
            command.Parameters[2].Value = GrainKey;
            command.Parameters[3].Value = StateName;
        }
    }
}
