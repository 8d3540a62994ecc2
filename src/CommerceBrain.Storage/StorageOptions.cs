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
    /// SQLite <c>synchronous</c> mode: <c>Normal</c> (default) or <c>Full</c>. In WAL mode <c>Normal</c> keeps every
    /// acknowledged commit across a process crash (kill -9) because the WAL frames are written to the OS before the
    /// commit returns; only an OS crash or power loss can drop the last commits. <c>Full</c> also survives those, at
    /// the cost of an fsync per commit.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "Normal";

    /// <summary>How long a SQLite connection waits for a lock held by another connection or process.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Npgsql prepared-statement cache per connection, used when the connection string does not set <c>Max Auto Prepare</c>.</summary>
    public int PostgreSqlMaxAutoPrepare { get; set; } = 64;

    /// <summary>Defaults for group-commit writers created through <see cref="GroupCommit.IGroupCommitWriterFactory"/>.</summary>
    public GroupCommit.GroupCommitOptions GroupCommit { get; set; } = new();
}
