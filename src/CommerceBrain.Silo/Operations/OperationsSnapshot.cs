namespace CommerceBrain.Silo.Operations;

/// <summary>
/// What the operations endpoint reads: the cluster's seconds (merged across silos, ascending, only seconds with
/// measurements), queue and activation samples, and the silos with their activation counts.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("operations.snapshot")]
public sealed record OperationsSnapshot(
    [property: Id(0)] long NowSecond,
    [property: Id(1)] IReadOnlyList<MetricsSecond> Seconds,
    [property: Id(2)] IReadOnlyList<QueueSample> Queue,
    [property: Id(3)] IReadOnlyList<ActivationSample> Activations,
    [property: Id(4)] IReadOnlyList<SiloActivity> Silos);
