using System.Reflection;

namespace CommerceBrain.Actors.Runtime;

/// <summary>The methods of a grain or observer interface (including inherited interfaces), keyed by MethodInfo.</summary>
internal sealed class GrainInterfaceInfo
{
    private readonly Dictionary<MethodInfo, GrainMethod> _methods;

    public GrainInterfaceInfo(Type interfaceType)
    {
        if (!interfaceType.IsInterface)
        {
            throw new ArgumentException($"{interfaceType.Name} is not an interface.", nameof(interfaceType));
        }

        InterfaceType = interfaceType;
        _methods = new Dictionary<MethodInfo, GrainMethod>();
        foreach (var type in interfaceType.GetInterfaces().Append(interfaceType))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                _methods[method] = GrainMethod.Create(method);
            }
        }
    }

    public Type InterfaceType { get; }

    public GrainMethod Get(MethodInfo method) => _methods.TryGetValue(method, out var found) ? found
        : throw new NotSupportedException($"{method.DeclaringType?.Name}.{method.Name} is not a method of {InterfaceType.Name}.");

    public GrainMethod Get(string name) => _methods.Values.Single(m => m.InterfaceMethod.Name == name);
}
