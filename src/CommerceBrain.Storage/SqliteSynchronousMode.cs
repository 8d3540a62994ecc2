namespace CommerceBrain.Storage;

/// <summary>SQLite <c>PRAGMA synchronous</c> values the storage accepts.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>WAL + NORMAL: durable across process crashes.</summary>
    Normal,

    /// <summary>WAL + FULL: also durable across OS crashes and power loss.</summary>
    Full,
}
