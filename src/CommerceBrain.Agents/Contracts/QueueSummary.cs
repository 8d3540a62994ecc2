namespace CommerceBrain.Agents.Contracts;

/// <summary>
/// A group's queue in numbers: sessions waiting (<paramref name="Length"/>, of which <paramref name="Assigned"/> are
/// assigned), since when the longest has waited (null when empty), SLA breaches (total and the latest) and the roster.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("agents.queue-summary")]
public sealed record QueueSummary(
    [property: Id(0)] string Group,
    [property: Id(1)] int Length,
    [property: Id(2)] int Assigned,
    [property: Id(3)] DateTimeOffset? OldestWaitingSince,
    [property: Id(4)] long BreachCount,
    [property: Id(5)] IReadOnlyList<SlaBreach> RecentBreaches,
    [property: Id(6)] IReadOnlyList<string> Agents);
