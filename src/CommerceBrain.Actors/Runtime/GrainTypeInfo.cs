using System.Collections.Concurrent;
using System.Reflection;
using CommerceBrain.Actors.Filters;
using CommerceBrain.Actors.Persistence;
using CommerceBrain.Actors.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Actors.Runtime;

/// <summary>A grain class: its type name, concurrency attributes and how to construct it.</summary>
internal sealed class GrainTypeInfo
{
    private readonly ConstructorInfo _constructor;
    private readonly ParameterInfo[] _parameters;
    private readonly ConcurrentDictionary<MethodInfo, MethodInfo> _implementations = new();

    public GrainTypeInfo(Type implementationType)
    {
        if (implementationType.IsAbstract || implementationType.IsInterface || implementationType.ContainsGenericParameters)
        {
            throw new ArgumentException($"{implementationType.Name} must be a concrete, non-generic class to be a grain.", nameof(implementationType));
        }

        ImplementationType = implementationType;
        Name = GetTypeName(implementationType);
        IsReentrant = implementationType.IsDefined(typeof(ReentrantAttribute), true);
        StatelessWorkerMax = implementationType.GetCustomAttribute<StatelessWorkerAttribute>()?.MaxLocalWorkers ?? 0;
        IsRemindable = typeof(IRemindable).IsAssignableFrom(implementationType);
        IsCallFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(implementationType);
        if (implementationType.GetCustomAttribute<CollectionAgeLimitAttribute>() is { } ageLimit)
        {
            CollectionAge = ageLimit.Amount > TimeSpan.Zero ? ageLimit.Amount
                : throw new ArgumentException($"[CollectionAgeLimit] on {implementationType.Name} must give a positive age.", nameof(implementationType));
        }

        _constructor = implementationType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new ArgumentException($"Grain class {implementationType.Name} has no public constructor.", nameof(implementationType));
        _parameters = _constructor.GetParameters();
        foreach (var parameter in _parameters)
        {
            if (parameter.IsDefined(typeof(PersistentStateAttribute)) &&
                !(parameter.ParameterType.IsGenericType && parameter.ParameterType.GetGenericTypeDefinition() == typeof(IPersistentState<>)))
            {
                throw new ArgumentException(
                    $"Parameter '{parameter.Name}' of {implementationType.Name} has [PersistentState] but is not an IPersistentState<T>.", nameof(implementationType));
            }
        }
    }

    /// <summary>The grain type name: the <c>type</c> part of <see cref="GrainId"/>.</summary>
    public string Name { get; }

    public Type ImplementationType { get; }

    public bool IsReentrant { get; }

    /// <summary>Maximum activations per key for a stateless worker; 0 for ordinary grains.</summary>
    public int StatelessWorkerMax { get; }

    public bool IsStatelessWorker => StatelessWorkerMax > 0;

    public bool IsRemindable { get; }

    public bool IsCallFilter { get; }

    /// <summary>The class's own idle age from [CollectionAgeLimit], or null for the runtime default.</summary>
    public TimeSpan? CollectionAge { get; }

    /// <summary>Class name in lower case minus a trailing "grain", unless [GrainType] says otherwise (as in Orleans).</summary>
    public static string GetTypeName(Type implementationType)
    {
        if (implementationType.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return string.IsNullOrWhiteSpace(attribute.Name) || attribute.Name.Contains('/')
                ? throw new ArgumentException($"[GrainType] on {implementationType.Name} must be non-empty and contain no '/'.")
                : attribute.Name;
        }

        var name = implementationType.Name.ToLowerInvariant();
        return name.EndsWith("grain", StringComparison.Ordinal) && name.Length > "grain".Length ? name[..^"grain".Length] : name;
    }

    public MethodInfo GetImplementationMethod(MethodInfo interfaceMethod) =>
        _implementations.GetOrAdd(interfaceMethod, static (method, type) =>
        {
            var map = type.GetInterfaceMap(method.DeclaringType!);
            var index = Array.IndexOf(map.InterfaceMethods, method);
            return index >= 0 ? map.TargetMethods[index] : method;
        }, ImplementationType);

    /// <summary>Constructs the grain; <see cref="IPersistentState{TState}"/> parameters are bound to the activation.</summary>
    public object CreateInstance(ActorRuntime runtime, Activation activation)
    {
        var services = runtime.Services;
        var arguments = new object?[_parameters.Length];
        HashSet<string>? stateNames = null;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } persistent)
            {
                if (!(stateNames ??= []).Add(persistent.StateName))
                {
                    throw new InvalidOperationException($"Grain class {ImplementationType.Name} declares persistent state '{persistent.StateName}' twice.");
                }

                var stateType = parameter.ParameterType.GetGenericArguments()[0];
                var storage = ResolveStorage(services, persistent.StorageName);
                var state = Activator.CreateInstance(
                    typeof(PersistentState<>).MakeGenericType(stateType),
                    persistent.StateName, storage, activation.GrainId, runtime.StateSerializerOptions)!;
                activation.AddStateLoader((IStateLoader)state);
                arguments[i] = state;
                continue;
            }

            var service = services.GetService(parameter.ParameterType);
            if (service is null && !parameter.HasDefaultValue)
            {
                throw new InvalidOperationException(
                    $"Cannot create grain {ImplementationType.Name}: no service of type {parameter.ParameterType.Name} for parameter '{parameter.Name}'.");
            }

            arguments[i] = service ?? parameter.DefaultValue;
        }

        try
        {
            return _constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static IGrainStorage ResolveStorage(IServiceProvider services, string storageName)
    {
        var storage = services.GetKeyedService<IGrainStorage>(storageName);
        if (storage is null && storageName == PersistentStateAttribute.DefaultStorageName)
        {
            storage = services.GetService<IGrainStorage>();
        }

        return storage ?? throw new InvalidOperationException(
            $"No IGrainStorage named '{storageName}' is registered; register it as a keyed service (or unkeyed for \"Default\").");
    }
}
