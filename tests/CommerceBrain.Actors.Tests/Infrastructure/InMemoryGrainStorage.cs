using System.Collections.Concurrent;
using CommerceBrain.Actors.Persistence;

namespace CommerceBrain.Actors.Tests.Infrastructure;

/// <summary>Test-only grain storage following the IGrainStorage ETag rules; can be told to fail reads.</summary>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), GrainStateRecord> _rows = new();
    private readonly Lock _lock = new();
    private long _version;

    /// <summary>When set, reads of grains with this key throw.</summary>
    public string? FailReadsForKey { get; set; }

    public int Writes;

    public Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        if (FailReadsForKey == grainId.Key)
        {
            throw new IOException($"storage unavailable for {grainId}");
        }

        return Task.FromResult(_rows.TryGetValue((grainId, stateName), out var row) ? row : null);
    }

    public async Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        await Task.Yield(); // storage is asynchronous in real life: exercise the resumption path
        Interlocked.Increment(ref Writes);
        return Put(grainId, stateName, payload.ToArray(), expectedEtag);
    }

    public async Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return Put(grainId, stateName, null, expectedEtag);
    }

    public GrainStateRecord? Peek(GrainId grainId, string stateName) => _rows.GetValueOrDefault((grainId, stateName));

    private string Put(GrainId grainId, string stateName, byte[]? payload, string? expectedEtag)
    {
        lock (_lock)
        {
            var key = (grainId, stateName);
            var stored = _rows.GetValueOrDefault(key)?.ETag;
            if (stored != expectedEtag)
            {
                throw new InconsistentStateException($"ETag mismatch for {grainId}/{stateName}", stored, expectedEtag);
            }

            var etag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _rows[key] = new GrainStateRecord(payload, etag);
            return etag;
        }
    }
}
