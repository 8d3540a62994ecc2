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
    readonly ConcurrentDictionary<string, Lazy<InferenceBatcher>> batchers = new(StringComparer.Ordinal);
    volatile bool disposed;

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
        ObjectDisposedException.ThrowIf(disposed, this);
        if (registry.Find(model) is null)
            throw new ModelNotFoundException(model, registry.Models.Select(m => m.Name));
        var batcher = batchers.GetOrAdd(model, name => new Lazy<InferenceBatcher>(
            () => new InferenceBatcher(registry, name, options, time, loggers.CreateLogger<InferenceBatcher>())));
        return batcher.Value.InferAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public ModelInfo? FindModel(string model) => registry.Find(model);

    /// <summary>Finishes queued requests and stops every batcher.</summary>
    public async ValueTask DisposeAsync()
    {
        disposed = true;
        foreach (var batcher in batchers.Values)
            if (batcher.IsValueCreated)
                await batcher.Value.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Synchronous form of <see cref="DisposeAsync"/> for containers disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
