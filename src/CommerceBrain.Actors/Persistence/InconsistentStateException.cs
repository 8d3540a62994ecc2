namespace CommerceBrain.Actors.Persistence;

/// <summary>
/// Thrown when a write or clear presents an ETag that no longer matches the stored version.
/// Nothing was written: the newer stored data wins.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The version in storage, when the provider knows it.</summary>
    public string? StoredEtag { get; }

    /// <summary>The version the caller presented.</summary>
    public string? CurrentEtag { get; }
}
