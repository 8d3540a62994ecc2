using System.Data.Common;
using CommerceBrain.Storage.GroupCommit;
using CommerceBrain.Storage.Migrations;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Storage;

/// <summary>
/// The configured database. Modules use it for their own tables (Dapper over <see cref="OpenConnectionAsync"/>
/// for reads, <see cref="WriteAsync{T}"/> for writes) and choose their SQL dialect by <see cref="Provider"/>.
/// </summary>
public abstract class StorageDatabase : IAsyncDisposable
{
    private protected StorageDatabase(StorageSettings settings, TimeProvider timeProvider)
    {
        Settings = settings;
        Time = timeProvider;
    }

    /// <summary>The clock for timestamps this layer writes.</summary>
    public TimeProvider Time { get; }

    /// <summary>The validated settings this database was built from.</summary>
    public StorageSettings Settings { get; }

    /// <summary>The provider, for choosing SQL dialects.</summary>
    public StorageProviderKind Provider => Settings.Provider;

    /// <summary>Opens a pooled connection; dispose it to return it. Use it for reads.</summary>
    public abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> on a connection that may write. On SQLite writers are serialised on one
    /// connection (SQLite has a single writer; queueing in-process beats busy-waiting on file locks); on PostgreSQL
    /// it is a pooled connection and writers run in parallel. Do not call it again from inside <paramref name="work"/>:
    /// on SQLite that would wait for itself.
    /// </summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>Creates what must exist (directory, file) and proves the database is reachable.</summary>
    internal abstract Task EnsureAvailableAsync(CancellationToken cancellationToken);

    /// <summary>Applies the migrations not yet recorded in <c>schema_migrations</c>, each in its own transaction.</summary>
    internal abstract Task<int> ApplyMigrationsAsync(IReadOnlyList<Migration> migrations, ILogger logger, CancellationToken cancellationToken);

    /// <summary>Reads the recorded migrations, or an empty set when the table does not exist yet.</summary>
    internal abstract Task<IReadOnlySet<(string Module, int Version)>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken);

    /// <summary>Builds the provider's bulk path writing one batch in one transaction.</summary>
    internal abstract Func<IReadOnlyList<TRow>, CancellationToken, Task> CreateBulkAppender<TRow>(AppendOnlyTable<TRow> table);

    public abstract ValueTask DisposeAsync();
}
