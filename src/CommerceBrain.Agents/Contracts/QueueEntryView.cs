namespace CommerceBrain.Agents.Contracts;

/// <summary>A session waiting in a group, with its priority now and the agent it is assigned to, if any.</summary>
[GenerateSerializer]
[Immutable]
[Alias("agents.queue-entry-view")]
public sealed record QueueEntryView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Group,
    [property: Id(2)] DateTimeOffset WaitingSince,
    [property: Id(3)] string Summary,
    [property: Id(4)] double Priority,
    [property: Id(5)] string? AssignedTo,
    [property: Id(6)] string? Note,
    [property: Id(7)] bool Breached,
    [property: Id(8)] string? HeldBy);
