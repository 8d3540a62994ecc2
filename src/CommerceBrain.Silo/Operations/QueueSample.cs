namespace CommerceBrain.Silo.Operations;

/// <summary>Sessions in the agent queues at <paramref name="Second"/>, over every skill group (<paramref name="Assigned"/> of them already assigned).</summary>
[GenerateSerializer]
[Immutable]
[Alias("operations.queue-sample")]
public sealed record QueueSample(
    [property: Id(0)] long Second,
    [property: Id(1)] int Waiting,
    [property: Id(2)] int Assigned);
