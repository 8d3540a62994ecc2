namespace CommerceBrain.Storage;

/// <summary>SQLite <c>PRAGMA synchronous</c> values the storage accepts.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>WAL + FULL (the default): an fsync per commit; durable across process crashes, OS crashes and power loss.</summary>
    Full,

    /// <summary>WAL + NORMAL: fsync only at checkpoints; durable across process crashes, not power loss.</summary>
    Normal,
}
