using System.Collections.Concurrent;
using CommerceBrain.Inference.Batching;
using CommerceBrain.Inference.Contracts;
using CommerceBrain.Inference.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Inference;

/// <summary>The silo's <see cref="IInferenceService"/>: one <see cref="InferenceBatcher"/> per model over the shared <see cref="ModelRegistry"/>.</summary>
public sealed class InferenceService : IInferenceService, IAsyncDisposable, IDisposable
{
    readonly ModelRegistry registry;
    readonly InferenceOptions options;
    readonly TimeProvider time;
    readonly ILoggerFactory loggers;
    readonly ConcurrentDictionary<string, InferenceBatcher> batchers = new(StringComparer.Ordinal);
    readonly Lock gate = new();
    volatile bool stopping;

    /// <summary>Creates the service over <paramref name="registry"/>.</summary>
    public InferenceService(ModelRegistry registry, IOptions<InferenceOptions> options, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        this.registry = registry;
        this.options = options.Value;
        this.options.Validate();
        this.time = time ?? TimeProvider.System;
        this.loggers = loggers ?? NullLoggerFactory.Instance;
    }

    /// <inheritdoc />
    public Task<InferenceResult> InferAsync(string model, InferenceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ObjectDisposedException.ThrowIf(stopping, this);
        if (registry.Find(model) is null)
            throw new ModelNotFoundException(model, registry.Models.Select(m => m.Name));
        if (!batchers.TryGetValue(model, out var batcher))
        {
            // Batchers are created under the lock that StopAsync takes, so none appears after a stop has listed them.
            lock (gate)
            {
                ObjectDisposedException.ThrowIf(stopping, this);
                batcher = batchers.GetOrAdd(model, name => new InferenceBatcher(registry, name, options, time, loggers.CreateLogger<InferenceBatcher>()));
            }
        }
        return batcher.InferAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public ModelInfo? FindModel(string model) => registry.Find(model);

    /// <summary>
    /// Stops taking requests and finishes the queued ones. When <paramref name="cancellationToken"/> is cancelled (the
    /// host's shutdown timeout), model runs still in progress are terminated and their callers see
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        InferenceBatcher[] all;
        lock (gate)
        {
            stopping = true;
            all = batchers.Values.ToArray();
        }
        return Task.WhenAll(all.Select(b => b.StopAsync(cancellationToken)));
    }

    /// <summary>Finishes queued requests and stops every batcher.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>Synchronous form of <see cref="DisposeAsync"/> for containers disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
