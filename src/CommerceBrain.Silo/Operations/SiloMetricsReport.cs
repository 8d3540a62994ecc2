namespace CommerceBrain.Silo.Operations;

/// <summary>One silo's push: its finished seconds since the last acknowledged one (<paramref name="Complete"/> when they are all it holds).</summary>
[GenerateSerializer]
[Immutable]
[Alias("operations.silo-report")]
public sealed record SiloMetricsReport(
    [property: Id(0)] string SiloAddress,
    [property: Id(1)] string SiloName,
    [property: Id(2)] IReadOnlyList<MetricsSecond> Seconds,
    [property: Id(3)] bool Complete);
