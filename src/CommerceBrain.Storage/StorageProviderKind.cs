namespace CommerceBrain.Storage;

/// <summary>The database behind grain state, reminders and module tables.</summary>
public enum StorageProviderKind
{
    /// <summary>One embedded SQLite file under the data directory (single silo).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by every silo of a cluster.</summary>
    PostgreSql,
}
