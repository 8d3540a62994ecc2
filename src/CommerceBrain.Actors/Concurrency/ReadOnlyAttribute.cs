namespace CommerceBrain.Actors;

/// <summary>
/// This interface method does not change grain state: it may interleave with other read-only requests,
/// never with a request that is not read-only.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
