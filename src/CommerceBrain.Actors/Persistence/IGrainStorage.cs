namespace CommerceBrain.Actors.Persistence;

/// <summary>
/// A grain-state store (the Orleans <c>IGrainStorage</c> contract, byte level). The runtime serialises state;
/// the provider stores opaque payloads under (grain type, grain key, state name) with a version as the ETag.
/// </summary>
/// <remarks>
/// ETag rules, shared by every provider and checked by the storage contract tests:
/// <list type="bullet">
/// <item>Write with a null ETag inserts; if a row already exists (even a cleared one) it throws <see cref="InconsistentStateException"/>.</item>
/// <item>Write or clear with an ETag succeeds only if the stored version equals it, and returns a new, different ETag;
/// otherwise it throws <see cref="InconsistentStateException"/> and changes nothing.</item>
/// <item>Clear keeps the row with a null payload and a new version, so a later write must present that version.</item>
/// </list>
/// </remarks>
public interface IGrainStorage
{
    /// <summary>Reads the state; returns null when no row exists. A cleared row has a null payload and its version.</summary>
    Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default);

    /// <summary>Writes the payload if <paramref name="expectedEtag"/> matches; returns the new ETag.</summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken = default);

    /// <summary>Clears the payload if <paramref name="expectedEtag"/> matches; returns the new ETag.</summary>
    Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default);
}

/// <summary>A stored grain state: the payload (null once cleared) and its ETag.</summary>
public sealed record GrainStateRecord(byte[]? Payload, string ETag);
