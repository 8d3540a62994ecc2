using System.Collections.Concurrent;
using CommerceBrain.Actors;
using CommerceBrain.Actors.Persistence;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// An in-memory grain storage for unit tests of grains: it follows the ETag rules of <see cref="IGrainStorage"/>, and
/// can be told to fail writes or to have its data changed behind a grain's back (as another writer would).
/// </summary>
public sealed class ScriptedGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), GrainStateRecord> rows = new();
    private long version;

    /// <summary>While true, every write throws <see cref="IOException"/> and stores nothing.</summary>
    public bool FailWrites { get; set; }

    public Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default) =>
        Task.FromResult(rows.TryGetValue((grainId, stateName), out var row) ? row : null);

    public Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        if (FailWrites)
        {
            throw new IOException("The disk is gone.");
        }

        return Task.FromResult(Store(grainId, stateName, payload.ToArray(), expectedEtag));
    }

    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default) =>
        Task.FromResult(Store(grainId, stateName, null, expectedEtag));

    /// <summary>Replaces the stored payload with a new version, as a write from elsewhere would.</summary>
    public void WriteBehindTheGrainsBack(GrainId grainId, string stateName, byte[] payload) =>
        rows[(grainId, stateName)] = new GrainStateRecord(payload, NextEtag());

    public byte[]? Payload(GrainId grainId, string stateName) => rows.TryGetValue((grainId, stateName), out var row) ? row.Payload : null;

    private string Store(GrainId grainId, string stateName, byte[]? payload, string? expectedEtag)
    {
        lock (rows)
        {
            var stored = rows.TryGetValue((grainId, stateName), out var row) ? row.ETag : null;
            if (stored != expectedEtag)
            {
                throw new InconsistentStateException($"ETag mismatch for {grainId}/{stateName}.", stored, expectedEtag);
            }

            var etag = NextEtag();
            rows[(grainId, stateName)] = new GrainStateRecord(payload, etag);
            return etag;
        }
    }

    private string NextEtag() => Interlocked.Increment(ref version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
