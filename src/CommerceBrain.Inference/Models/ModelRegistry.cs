using System.Collections.Concurrent;
using CommerceBrain.Inference.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommerceBrain.Inference.Models;

/// <summary>
/// The models this silo serves, by name, one current version each. Publishing a new version swaps it in atomically:
/// requests that already hold the old version finish on it, and the old session is disposed after the last of them.
/// </summary>
public sealed partial class ModelRegistry : IDisposable
{
    readonly ConcurrentDictionary<string, PublishedModel> current = new(StringComparer.Ordinal);
    readonly Lock publishLock = new();
    readonly OnnxSessionSettings settings;
    readonly TimeProvider time;
    readonly ILogger logger;
    bool disposed;

    /// <summary>Creates an empty registry whose sessions use <paramref name="settings"/>.</summary>
    public ModelRegistry(OnnxSessionSettings? settings = null, TimeProvider? time = null, ILogger<ModelRegistry>? logger = null)
    {
        this.settings = settings ?? OnnxSessionSettings.Default;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<ModelRegistry>.Instance;
    }

    /// <summary>Raised after a replaced or removed version's session has been disposed.</summary>
    public event Action<ModelInfo>? VersionDisposed;

    /// <summary>The current version of every published model.</summary>
    public IReadOnlyList<ModelInfo> Models => current.Values.Select(m => m.Info).OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Loads a model from bytes and makes it the current version of <paramref name="name"/>.</summary>
    /// <exception cref="OnnxRuntimeException">The bytes are not a loadable model; the current version stays.</exception>
    public ModelInfo Publish(string name, string version, ReadOnlySpan<byte> model)
    {
        Validate(name, version);
        return Publish(name, version, OnnxSession.FromBytes(model, settings, $"model '{name}' version '{version}'"));
    }

    /// <summary>Loads a model file and makes it the current version of <paramref name="name"/>.</summary>
    /// <exception cref="OnnxRuntimeException">The file is missing or not a loadable model; the current version stays.</exception>
    public ModelInfo PublishFile(string name, string version, string path)
    {
        Validate(name, version);
        return Publish(name, version, OnnxSession.FromFile(path, settings));
    }

    /// <summary>Makes an already loaded session the current version of <paramref name="name"/>; the registry owns it afterwards.</summary>
    public ModelInfo Publish(string name, string version, OnnxSession session)
    {
        Validate(name, version);
        ArgumentNullException.ThrowIfNull(session);
        var info = new ModelInfo(name, version, session.Inputs, session.Outputs, time.GetUtcNow());
        var next = new PublishedModel(info, session, OnVersionDisposed);
        PublishedModel? previous;
        lock (publishLock)
        {
            if (disposed)
            {
                session.Dispose();
                throw new ObjectDisposedException(nameof(ModelRegistry));
            }
            current.TryGetValue(name, out previous);
            current[name] = next;
        }
        InferenceTelemetry.ModelsPublished.Add(1);
        LogPublished(logger, name, version, previous?.Info.Version);
        // The registry's own reference goes; in-flight leases keep the old session until they end.
        previous?.Release();
        return info;
    }

    /// <summary>Takes a lease on the current version of <paramref name="name"/>.</summary>
    /// <exception cref="ModelNotFoundException">No model of that name is published.</exception>
    public ModelLease Acquire(string name) =>
        TryAcquire(name, out var lease) ? lease : throw new ModelNotFoundException(name, current.Keys);

    /// <summary>Takes a lease on the current version of <paramref name="name"/> if one is published.</summary>
    public bool TryAcquire(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelLease? lease)
    {
        ArgumentNullException.ThrowIfNull(name);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed), this);
        // A version can be released between the lookup and the increment; by then its successor is in the map.
        while (current.TryGetValue(name, out var model))
        {
            if (model.TryAddReference())
            {
                lease = new ModelLease(model);
                return true;
            }
        }
        lease = null;
        return false;
    }

    /// <summary>The current version of <paramref name="name"/>, or null.</summary>
    public ModelInfo? Find(string name) => current.TryGetValue(name, out var model) ? model.Info : null;

    /// <summary>Stops serving <paramref name="name"/>; in-flight requests finish on its session first.</summary>
    public bool Remove(string name)
    {
        PublishedModel? removed;
        lock (publishLock)
        {
            if (!current.TryRemove(name, out removed))
                return false;
        }
        removed.Release();
        return true;
    }

    /// <summary>Stops serving every model; sessions are disposed as their last lease ends.</summary>
    public void Dispose()
    {
        PublishedModel[] all;
        lock (publishLock)
        {
            if (disposed)
                return;
            disposed = true;
            all = current.Values.ToArray();
            current.Clear();
        }
        foreach (var model in all)
            model.Release();
    }

    void OnVersionDisposed(PublishedModel model)
    {
        LogVersionDisposed(logger, model.Info.Name, model.Info.Version);
        try
        {
            VersionDisposed?.Invoke(model.Info);
        }
        catch (Exception ex)
        {
            // Runs inside whichever request released the last lease; a subscriber's fault must not fail that request.
            LogSubscriberFault(logger, ex, model.Info.Name, model.Info.Version);
        }
    }

    static void Validate(string name, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published model {ModelName} version {ModelVersion} (replacing {PreviousVersion})")]
    static partial void LogPublished(ILogger logger, string modelName, string modelVersion, string? previousVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A VersionDisposed handler failed for model {ModelName} version {ModelVersion}")]
    static partial void LogSubscriberFault(ILogger logger, Exception exception, string modelName, string modelVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Disposed model {ModelName} version {ModelVersion} after its last request")]
    static partial void LogVersionDisposed(ILogger logger, string modelName, string modelVersion);
}
