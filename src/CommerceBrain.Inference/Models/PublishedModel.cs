using CommerceBrain.Inference.Contracts;

namespace CommerceBrain.Inference.Models;

/// <summary>
/// One published version with a reference count: the registry holds one reference while the version is current and
/// every lease holds one; the session is disposed when the count reaches zero, i.e. after the last in-flight request.
/// </summary>
internal sealed class PublishedModel(ModelInfo info, OnnxSession session, Action<PublishedModel> onDisposed)
{
    int references = 1;

    public ModelInfo Info { get; } = info;

    public OnnxSession Session { get; } = session;

    /// <summary>Adds a reference unless the version is already gone (count reached zero).</summary>
    public bool TryAddReference()
    {
        return RefCount.TryIncrement(ref references);
    }

    public void Release()
    {
        var left = Interlocked.Decrement(ref references);
        if (left == 0)
        {
            Session.Dispose();
            onDisposed(this);
        }
        else if (left < 0)
        {
            throw new InvalidOperationException($"Model {Info.Name} version {Info.Version} was released more often than acquired.");
        }
    }
}
