namespace CommerceBrain.Agents.Contracts;

/// <summary>A group's queue for the supervisor: entries by priority, SLA breaches (total and the latest) and the agents on its roster.</summary>
[GenerateSerializer]
[Immutable]
[Alias("agents.queue-snapshot")]
public sealed record QueueSnapshot(
    [property: Id(0)] string Group,
    [property: Id(1)] IReadOnlyList<QueueEntryView> Entries,
    [property: Id(2)] long BreachCount,
    [property: Id(3)] IReadOnlyList<SlaBreach> RecentBreaches,
    [property: Id(4)] IReadOnlyList<string> Agents);
