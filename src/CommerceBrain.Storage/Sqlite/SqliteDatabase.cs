using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using CommerceBrain.Storage.GroupCommit;
using CommerceBrain.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Storage.Sqlite;

/// <summary>
/// The embedded SQLite file in WAL mode. Readers use pooled connections; every write goes through one writer
/// connection behind an async gate, because SQLite admits one writer at a time anyway.
/// </summary>
internal sealed class SqliteDatabase : StorageDatabase
{
    // Writes joining one transaction at most; bounds the latency a batch adds to its first caller.
    private const int MaxCoalescedWrites = 256;

    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private readonly ConcurrentQueue<CoalescedWrite> _coalesced = new();
    private readonly string _connectionPragmas;
    private SqliteConnection? _writer;
    private bool _disposed;

    public SqliteDatabase(StorageSettings settings, TimeProvider timeProvider)
        : base(settings, timeProvider)
    {
        var synchronous = Enum.Parse<SqliteSynchronousMode>(settings.Options.SqliteSynchronous, ignoreCase: true);
        var busyMs = (long)settings.Options.SqliteBusyTimeout.TotalMilliseconds;
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout = {busyMs}; PRAGMA mmap_size = {settings.Options.SqliteMmapBytes};");
        FilePath = settings.SqliteFile!;
    }

    public string FilePath { get; }

    /// <summary>Prepared statements of the writer connection, reused under the writer gate.</summary>
    internal Dictionary<string, SqliteCommand> WriterCommands { get; } = new(StringComparer.Ordinal);

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await OpenAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<T> WriteAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _writerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = await GetWriterAsync(cancellationToken).ConfigureAwait(false);
            return await work(writer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writerGate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on the writer connection under the gate (synchronous SQLite calls).</summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _writerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = await GetWriterAsync(cancellationToken).ConfigureAwait(false);
            return work(writer);
        }
        finally
        {
            _writerGate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/>, which must execute at most ONE writing statement (plus reads), on the writer
    /// connection inside a transaction shared with the other such writes waiting at that moment, and completes after
    /// that transaction committed. Under concurrency, N writes cost one commit (one fsync with synchronous=FULL)
    /// instead of N. Each write keeps its own result: an exception thrown by <paramref name="work"/> fails only its
    /// caller (SQLite undoes a failed statement on its own), while a failed commit fails every write of the batch.
    /// </summary>
    internal async Task<T> WriteCoalescedAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        var write = new CoalescedWrite<T>(work);
        _coalesced.Enqueue(write);
        try
        {
            await _writerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!write.TryCancel())
        {
            // A batch led by another caller already holds the write: its outcome is the caller's.
            return await write.Task.ConfigureAwait(false);
        }

        try
        {
            // Whoever holds the gate commits everything queued; this caller's write may already be done by an earlier holder.
            while (!write.Task.IsCompleted)
            {
                var writer = await GetWriterAsync(CancellationToken.None).ConfigureAwait(false);
                CommitBatch(writer);
            }
        }
        finally
        {
            _writerGate.Release();
        }

        return await write.Task.ConfigureAwait(false);
    }

    private void CommitBatch(SqliteConnection writer)
    {
        var batch = new List<CoalescedWrite>();
        while (batch.Count < MaxCoalescedWrites && _coalesced.TryDequeue(out var queued))
        {
            if (queued.TryTake())
            {
                batch.Add(queued);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            Execute(writer, "BEGIN IMMEDIATE");
            foreach (var write in batch)
            {
                write.Run(writer);

                // Some errors (disk full, I/O) roll the whole transaction back; then nothing of the batch may be acknowledged.
                if (SQLitePCL.raw.sqlite3_get_autocommit(writer.Handle) != 0)
                {
                    throw new InvalidOperationException("SQLite rolled back the shared write transaction after an error; no write of the batch was committed.");
                }
            }

            Execute(writer, "COMMIT");
        }
        catch (Exception ex)
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(writer.Handle) == 0)
            {
                try
                {
                    Execute(writer, "ROLLBACK");
                }
                catch (SqliteException)
                {
                    // The batch fails either way; the original error is the one to report.
                }
            }

            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    private void Execute(SqliteConnection writer, string sql) => WriterCommand(writer, sql).ExecuteNonQuery();

    /// <summary>A prepared command on the writer connection; call only inside a writer-gate callback.</summary>
    internal SqliteCommand WriterCommand(SqliteConnection writer, string sql, params string[] parameterNames)
    {
        if (!WriterCommands.TryGetValue(sql, out var command))
        {
            command = writer.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            WriterCommands[sql] = command;
        }

        return command;
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(Settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = _connectionPragmas;
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal override async Task EnsureAvailableAsync(CancellationToken cancellationToken)
    {
        EnsureWritableDirectory(Settings.DataDirectory);
        var fileDirectory = Path.GetDirectoryName(FilePath)!;
        if (!string.Equals(fileDirectory, Settings.DataDirectory, StringComparison.Ordinal))
        {
            EnsureWritableDirectory(fileDirectory);
        }

        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(wal.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageConfigurationException(
                    $"The SQLite file '{FilePath}' could not be switched to WAL mode (it reports '{mode}'). " +
                    "Put the data directory on a local file system.");
            }
        }
        catch (SqliteException ex)
        {
            throw new StorageConfigurationException(
                $"The SQLite file '{FilePath}' cannot be opened for writing ({ex.Message}). Check '{StorageOptions.DataDirectorySetting}' " +
                $"(environment variable {StorageSettings.DataDirectoryEnvironmentVariable}) or '{StorageOptions.SectionName}:ConnectionString'.", ex);
        }
    }

    internal override async Task<int> ApplyMigrationsAsync(IReadOnlyList<Migration> migrations, ILogger logger, CancellationToken cancellationToken)
    {
        var step = "schema_migrations";
        try
        {
            return await WriteAsync(writer => ApplyMigrations(writer, migrations, logger, ref step), cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new StorageConfigurationException(
                $"The storage schema cannot be created in the SQLite file '{FilePath}': migration {step} failed: {ex.Message}. " +
                "Use a file this version created (or an empty data directory) and check the file is writable.", ex);
        }
    }

    private int ApplyMigrations(SqliteConnection writer, IReadOnlyList<Migration> migrations, ILogger logger, ref string step)
    {
        {
            using (var create = writer.CreateCommand())
            {
                create.CommandText = """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        module     TEXT    NOT NULL,
                        version    INTEGER NOT NULL,
                        name       TEXT    NOT NULL,
                        applied_at INTEGER NOT NULL,
                        PRIMARY KEY (module, version)
                    );
                    """;
                create.ExecuteNonQuery();
            }

            var applied = 0;
            foreach (var migration in migrations)
            {
                step = $"{migration.Module}/{migration.Name}";

                // BEGIN IMMEDIATE takes the write lock first, so two processes starting together apply each script once.
                using var transaction = writer.BeginTransaction(deferred: false);
                using var check = writer.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = "SELECT count(*) FROM schema_migrations WHERE module = $module AND version = $version";
                check.Parameters.AddWithValue("$module", migration.Module);
                check.Parameters.AddWithValue("$version", migration.Version);
                if (Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }

                using var script = writer.CreateCommand();
                script.Transaction = transaction;
                script.CommandText = migration.Sql;
                script.ExecuteNonQuery();

                using var record = writer.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES ($module, $version, $name, $at)";
                record.Parameters.AddWithValue("$module", migration.Module);
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$name", migration.Name);
                record.Parameters.AddWithValue("$at", Time.GetUtcNow().ToUnixTimeMilliseconds());
                record.ExecuteNonQuery();
                transaction.Commit();
                applied++;
                StorageLog.MigrationApplied(logger, migration.Module, migration.Name);
            }

            return applied;
        }
    }

    internal override async Task<IReadOnlySet<(string Module, int Version)>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        var set = new HashSet<(string, int)>();
        if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return set;
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT module, version FROM schema_migrations";
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            set.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return set;
    }

    internal override Func<IReadOnlyList<TRow>, CancellationToken, Task> CreateBulkAppender<TRow>(AppendOnlyTable<TRow> table) =>
        new SqliteBulkAppender<TRow>(this, table).AppendBatchAsync;

    public override async ValueTask DisposeAsync()
    {
        await _writerGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var command in WriterCommands.Values)
            {
                command.Dispose();
            }

            WriterCommands.Clear();
            if (_writer is not null)
            {
                await _writer.DisposeAsync().ConfigureAwait(false);
                _writer = null;
            }

            // Release pooled handles so the file can be moved or deleted after shutdown.
            SqliteConnection.ClearPool(new SqliteConnection(Settings.ConnectionString));
        }
        finally
        {
            _writerGate.Release();
        }
    }

    private async Task<SqliteConnection> GetWriterAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void EnsureWritableDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new StorageConfigurationException(
                $"The data directory '{directory}' cannot be created or written: {ex.Message} " +
                $"Set '{StorageOptions.DataDirectorySetting}' (environment variable {StorageSettings.DataDirectoryEnvironmentVariable}) " +
                "to a writable directory, or fix its permissions.", ex);
        }
    }
}
