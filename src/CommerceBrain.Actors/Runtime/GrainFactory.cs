using System.Reflection;

namespace CommerceBrain.Actors.Runtime;

/// <summary>The runtime's <see cref="IGrainFactory"/>: creates <see cref="DispatchProxy"/> references.</summary>
internal sealed class GrainFactory(ActorRuntime runtime) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var interfaceType = typeof(TGrainInterface);
        var type = runtime.Registry.ForInterface(interfaceType);
        var reference = new GrainReference(runtime, new GrainId(type.Name, key), runtime.Registry.Interface(interfaceType), type, observer: null);
        return CreateProxy<TGrainInterface>(reference);
    }

    public TObserver CreateObjectReference<TObserver>(TObserver observer)
        where TObserver : class, IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (!typeof(TObserver).IsInterface)
        {
            throw new ArgumentException($"{typeof(TObserver).Name} must be an observer interface, not a class.", nameof(observer));
        }

        if (observer is GrainProxy)
        {
            throw new ArgumentException("The object is already a reference.", nameof(observer));
        }

        var activation = Activation.ForObserver(runtime, observer);
        var reference = new GrainReference(runtime, activation.GrainId, runtime.Registry.Interface(typeof(TObserver)), type: null, activation);
        return CreateProxy<TObserver>(reference);
    }

    public void DeleteObjectReference<TObserver>(TObserver reference)
        where TObserver : class, IGrainObserver
    {
        if (reference is not GrainProxy { Reference.Observer: { } activation })
        {
            throw new ArgumentException("Not an observer reference made by CreateObjectReference.", nameof(reference));
        }

        activation.Invalidate();
    }

    private static T CreateProxy<T>(GrainReference reference)
    {
        var proxy = DispatchProxy.Create<T, GrainProxy>();
        ((GrainProxy)(object)proxy!).Reference = reference;
        return proxy;
    }
}
