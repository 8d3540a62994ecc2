namespace CommerceBrain.Agents.Contracts;

/// <summary>
/// A session to queue in a group: what the priority is computed from (segment, sentiment, order value in minor units,
/// waiting since) and what the agent reads first (summary, transfer note). <paramref name="AssignTo"/> asks for a
/// specific agent (a transfer to an agent); <paramref name="HeldBy"/> is the agent still attached (a breach re-queue).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("agents.queued-session")]
public sealed record QueuedSession(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Summary,
    [property: Id(2)] string? Segment,
    [property: Id(3)] double Sentiment,
    [property: Id(4)] long OrderValue,
    [property: Id(5)] DateTimeOffset WaitingSince,
    [property: Id(6)] string? Note,
    [property: Id(7)] string? AssignTo,
    [property: Id(8)] string? HeldBy,
    [property: Id(9)] bool Breached);
