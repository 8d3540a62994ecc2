namespace CommerceBrain.Actors;

/// <summary>Any request to this grain class may interleave with any other at await points (concurrency, never parallelism).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
