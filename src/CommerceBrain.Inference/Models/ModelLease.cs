using CommerceBrain.Inference.Contracts;

namespace CommerceBrain.Inference.Models;

/// <summary>
/// A hold on one published model version: its session stays alive until the lease is disposed, even if a newer version
/// is published meanwhile. Dispose exactly once, typically with <c>using</c>.
/// </summary>
public sealed class ModelLease : IDisposable
{
    readonly PublishedModel model;
    int disposed;

    internal ModelLease(PublishedModel model) => this.model = model;

    /// <summary>The leased version's description.</summary>
    public ModelInfo Info => model.Info;

    /// <summary>The leased version's session.</summary>
    public OnnxSession Session => model.Session;

    /// <summary>Releases the hold; the session is disposed if this was the last hold on a replaced version.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
            model.Release();
    }
}
