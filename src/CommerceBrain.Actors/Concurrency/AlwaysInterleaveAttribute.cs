namespace CommerceBrain.Actors;

/// <summary>Calls to this interface method interleave with every other request (concurrency, never parallelism).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
