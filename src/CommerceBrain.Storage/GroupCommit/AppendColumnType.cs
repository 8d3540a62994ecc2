namespace CommerceBrain.Storage.GroupCommit;

/// <summary>Logical column types for append-only tables.</summary>
public enum AppendColumnType
{
    /// <summary>PostgreSQL <c>text</c>, SQLite <c>TEXT</c>.</summary>
    Text,

    /// <summary>64-bit integer: PostgreSQL <c>bigint</c>, SQLite <c>INTEGER</c>.</summary>
    Integer,

    /// <summary>PostgreSQL <c>double precision</c>, SQLite <c>REAL</c>.</summary>
    Real,

    /// <summary>PostgreSQL <c>boolean</c>, SQLite <c>INTEGER</c> 0/1.</summary>
    Boolean,

    /// <summary>PostgreSQL <c>bytea</c>, SQLite <c>BLOB</c>.</summary>
    Bytes,

    /// <summary>A <see cref="DateTimeOffset"/>: PostgreSQL <c>timestamptz</c>, SQLite <c>INTEGER</c> unix milliseconds.</summary>
    Timestamp,

    /// <summary>A <see cref="Guid"/>: PostgreSQL <c>uuid</c>, SQLite <c>TEXT</c>.</summary>
    Uuid,

    /// <summary>JSON text: PostgreSQL <c>jsonb</c>, SQLite <c>TEXT</c>.</summary>
    Json,
}
