namespace CommerceBrain.Actors;

/// <summary>Creates references to grains and observers. Registered in DI; usable from endpoints and from grains.</summary>
public interface IGrainFactory
{
    /// <summary>
    /// Returns a reference to the grain of interface <typeparamref name="TGrainInterface"/> with <paramref name="key"/>.
    /// No activation happens until the first call; the reference is cheap, thread-safe and may be cached.
    /// </summary>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>
    /// Wraps a local object so grains can call it. Calls to it are serialised (one at a time, never reentrant).
    /// The reference holds only a weak reference to <paramref name="observer"/>: the caller must keep it alive.
    /// </summary>
    TObserver CreateObjectReference<TObserver>(TObserver observer)
        where TObserver : class, IGrainObserver;

    /// <summary>Invalidates a reference made by <see cref="CreateObjectReference{TObserver}"/>; later calls fail.</summary>
    void DeleteObjectReference<TObserver>(TObserver reference)
        where TObserver : class, IGrainObserver;
}
