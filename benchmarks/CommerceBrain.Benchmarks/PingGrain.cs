namespace CommerceBrain.Benchmarks;

/// <summary>A no-op grain: one activation per key, nothing stored.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    /// <inheritdoc />
    public ValueTask Ping() => default;
}
