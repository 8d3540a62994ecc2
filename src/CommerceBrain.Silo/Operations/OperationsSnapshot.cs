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

/// <summary>Sessions in the agent queues at <paramref name="Second"/>, over every skill group (<paramref name="Assigned"/> of them already assigned).</summary>
[GenerateSerializer]
[Immutable]
[Alias("operations.queue-sample")]
public sealed record QueueSample(
    [property: Id(0)] long Second,
    [property: Id(1)] int Waiting,
    [property: Id(2)] int Assigned);

/// <summary>Grain activations per silo (by silo address) at <paramref name="Second"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("operations.activation-sample")]
public sealed record ActivationSample(
    [property: Id(0)] long Second,
    [property: Id(1)] IReadOnlyDictionary<string, int> BySilo);

/// <summary>
/// A silo as the page lists it: membership status and activations from Orleans' management grain (null when the silo is
/// not an active member), and whether it still pushes its metrics.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("operations.silo-activity")]
public sealed record SiloActivity(
    [property: Id(0)] string Address,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] int? Activations,
    [property: Id(4)] long? LastReportSecond,
    [property: Id(5)] bool Reporting);
