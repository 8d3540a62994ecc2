using System.Reflection;

namespace CommerceBrain.Actors.Runtime;

/// <summary>
/// Base of the runtime-generated proxy classes (<see cref="DispatchProxy"/>) that implement grain and observer interfaces.
/// Equality is by grain identity, so references compare equal across <see cref="IGrainFactory.GetGrain{T}"/> calls.
/// </summary>
public class GrainProxy : DispatchProxy
{
    internal GrainReference Reference { get; set; } = null!;

    public override bool Equals(object? obj) =>
        obj is GrainProxy other && other.Reference.GrainId == Reference.GrainId && other.Reference.Interface == Reference.Interface;

    public override int GetHashCode() => Reference.GrainId.GetHashCode();

    public override string ToString() => Reference.GrainId.ToString();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        Reference.Invoke(targetMethod!, args ?? []);
}
