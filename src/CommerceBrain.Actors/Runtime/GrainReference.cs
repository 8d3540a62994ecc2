using System.Reflection;

namespace CommerceBrain.Actors.Runtime;

/// <summary>What a proxy knows about its target; caches the activation so most calls skip the directory.</summary>
internal sealed class GrainReference(ActorRuntime runtime, GrainId grainId, GrainInterfaceInfo interfaceInfo, GrainTypeInfo? type, Activation? observer)
{
    public ActorRuntime Runtime { get; } = runtime;

    public GrainId GrainId { get; } = grainId;

    public GrainInterfaceInfo Interface { get; } = interfaceInfo;

    /// <summary>The grain class; null for an observer reference.</summary>
    public GrainTypeInfo? Type { get; } = type;

    /// <summary>The fixed activation of an observer reference.</summary>
    public Activation? Observer { get; } = observer;

    /// <summary>The last activation used; replaced when it becomes invalid.</summary>
    public Activation? CachedActivation { get; set; }

    public StatelessWorkerGroup? CachedWorkers { get; set; }

    public object Invoke(MethodInfo interfaceMethod, object?[] args)
    {
        var method = Interface.Get(interfaceMethod);
        Task task;
        try
        {
            task = Runtime.Invoke(this, method, args);
        }
        catch (Exception e)
        {
            // Failures before the grain runs (runtime stopping, placement, registration) surface through the Task, as the grain's own do.
            task = Task.FromException(e);
        }

        return method.Adapter.ToProxyResult(task);
    }
}
