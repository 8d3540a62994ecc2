namespace CommerceBrain.Storage;

/// <summary>Storage settings, bound from <c>CommerceBrain:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "CommerceBrain:Storage";

    /// <summary>The top-level data directory setting (not inside the storage section).</summary>
    public const string DataDirectorySetting = "CommerceBrain:DataDirectory";

    /// <summary>The SQLite file name used when no connection string is configured.</summary>
    public const string DefaultSqliteFileName = "commercebrain.db";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>, case-insensitive.</summary>
    public string Provider { get; set; } = nameof(StorageProviderKind.Sqlite);

    /// <summary>
    /// Required for PostgreSQL (Npgsql syntax). Optional for SQLite: by default the file
    /// <c>&lt;DataDirectory&gt;/commercebrain.db</c> is used, and a relative <c>Data Source</c> is resolved against the data directory.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite <c>synchronous</c> mode: <c>Full</c> (default) or <c>Normal</c>. <c>Full</c> fsyncs the WAL on every
    /// commit, so an acknowledged write survives power loss and OS crashes. <c>Normal</c> fsyncs only at checkpoints:
    /// every acknowledged commit still survives a process crash (kill -9), because its WAL frames are in the OS before
    /// the commit returns, but an OS crash or power loss can drop the last commits. docs/storage.md has the measured cost.
    /// </summary>
    public string SqliteSynchronous { get; set; } = nameof(SqliteSynchronousMode.Full);

    /// <summary>How long a SQLite connection waits for a lock held by another connection or process.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bytes of the SQLite file each connection reads through a memory map instead of read() calls (PRAGMA mmap_size);
    /// reads of hot pages then cost no system call or copy. 0 turns it off. Writes still go through the WAL.
    /// </summary>
    public long SqliteMmapBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Npgsql prepared-statement cache per connection, used when the connection string does not set <c>Max Auto Prepare</c>.</summary>
    public int PostgreSqlMaxAutoPrepare { get; set; } = 64;

    /// <summary>Defaults for group-commit writers created through <see cref="GroupCommit.IGroupCommitWriterFactory"/>.</summary>
    public GroupCommit.GroupCommitOptions GroupCommit { get; set; } = new();
}
