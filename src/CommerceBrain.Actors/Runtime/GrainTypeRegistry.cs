using System.Collections.Concurrent;

namespace CommerceBrain.Actors.Runtime;

/// <summary>Maps grain interfaces and grain type names to grain classes.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainTypeInfo> _byInterface = [];
    private readonly Dictionary<Type, string> _ambiguous = [];
    private readonly Dictionary<string, GrainTypeInfo> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, GrainInterfaceInfo> _interfaces = new();

    public GrainTypeRegistry(IEnumerable<GrainRegistration> registrations)
    {
        var classes = new Dictionary<Type, GrainTypeInfo>();
        foreach (var group in registrations.GroupBy(r => r.InterfaceType))
        {
            var candidates = group.Where(r => r.IsExplicit).Select(r => r.ImplementationType).Distinct().ToList();
            var isExplicit = candidates.Count > 0;
            if (!isExplicit)
            {
                candidates = group.Select(r => r.ImplementationType).Distinct().ToList();
            }

            if (candidates.Count > 1)
            {
                var names = string.Join(", ", candidates.Select(c => c.Name));
                if (isExplicit)
                {
                    throw new InvalidOperationException($"Grain interface {group.Key.Name} is registered with several classes ({names}).");
                }

                _ambiguous[group.Key] = names;
                continue;
            }

            if (!classes.TryGetValue(candidates[0], out var info))
            {
                info = new GrainTypeInfo(candidates[0]);
                classes.Add(candidates[0], info);
            }

            _byInterface[group.Key] = info;
        }

        foreach (var info in classes.Values)
        {
            if (!_byName.TryAdd(info.Name, info))
            {
                throw new InvalidOperationException(
                    $"Grain classes {_byName[info.Name].ImplementationType.Name} and {info.ImplementationType.Name} share the grain type name '{info.Name}'; use [GrainType].");
            }
        }
    }

    public GrainTypeInfo ForInterface(Type interfaceType)
    {
        if (_byInterface.TryGetValue(interfaceType, out var info))
        {
            return info;
        }

        throw new InvalidOperationException(_ambiguous.TryGetValue(interfaceType, out var names)
            ? $"Grain interface {interfaceType.Name} is implemented by several classes ({names}); register one with ActorsBuilder.AddGrain."
            : $"No grain class is registered for {interfaceType.Name}; use ActorsBuilder.AddGrain or AddGrainsFromAssembly.");
    }

    public GrainTypeInfo? ForName(string typeName) => _byName.GetValueOrDefault(typeName);

    public GrainInterfaceInfo Interface(Type interfaceType) => _interfaces.GetOrAdd(interfaceType, static t => new GrainInterfaceInfo(t));
}
