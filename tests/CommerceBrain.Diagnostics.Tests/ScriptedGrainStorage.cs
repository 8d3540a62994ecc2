using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Orleans.Runtime;
using Orleans.Storage;

namespace CommerceBrain.Diagnostics.Tests;

/// <summary>
/// An in-memory Orleans grain storage for grain tests: it follows the ETag rules (a stale write throws
/// <see cref="InconsistentStateException"/> and stores nothing), and can be told to fail writes or to have its data
/// changed behind a grain's back, as another writer would. States are kept as JSON so no object is shared with a grain.
/// </summary>
public sealed class ScriptedGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), (string Json, string ETag)> rows = new();
    private long version;

    /// <summary>While true, every write throws <see cref="IOException"/> and stores nothing.</summary>
    public bool FailWrites { get; set; }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (rows.TryGetValue((grainId, stateName), out var row))
        {
            grainState.State = JsonSerializer.Deserialize<T>(row.Json)!;
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailWrites)
        {
            throw new IOException("The disk is gone.");
        }

        grainState.ETag = Store(grainId, stateName, JsonSerializer.Serialize(grainState.State), grainState.ETag);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (rows)
        {
            Check(grainId, stateName, grainState.ETag);
            rows.TryRemove((grainId, stateName), out _);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Replaces the stored state with a new version, as a write from elsewhere would.</summary>
    public void WriteBehindTheGrainsBack<T>(GrainId grainId, string stateName, T state) =>
        rows[(grainId, stateName)] = (JsonSerializer.Serialize(state), NextEtag());

    /// <summary>The stored state, or default when there is none.</summary>
    public T? Stored<T>(GrainId grainId, string stateName) =>
        rows.TryGetValue((grainId, stateName), out var row) ? JsonSerializer.Deserialize<T>(row.Json) : default;

    private string Store(GrainId grainId, string stateName, string json, string? expectedEtag)
    {
        lock (rows)
        {
            Check(grainId, stateName, expectedEtag);
            var etag = NextEtag();
            rows[(grainId, stateName)] = (json, etag);
            return etag;
        }
    }

    private void Check(GrainId grainId, string stateName, string? expectedEtag)
    {
        var stored = rows.TryGetValue((grainId, stateName), out var row) ? row.ETag : null;
        if (stored != expectedEtag)
        {
            throw new InconsistentStateException($"ETag mismatch for {grainId}/{stateName}.", stored, expectedEtag);
        }
    }

    private string NextEtag() => Interlocked.Increment(ref version).ToString(CultureInfo.InvariantCulture);
}
