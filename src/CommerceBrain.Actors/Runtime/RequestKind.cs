namespace CommerceBrain.Actors.Runtime;

/// <summary>How a request may overlap with others on the same activation.</summary>
internal enum RequestKind : byte
{
    /// <summary>Runs alone (the default, non-reentrant).</summary>
    Exclusive,

    /// <summary>May interleave with other read-only requests only.</summary>
    ReadOnly,

    /// <summary>May interleave with anything (reentrant class or [AlwaysInterleave] method).</summary>
    Interleave,
}
