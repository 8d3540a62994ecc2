namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// One committed event of a session as followers see it live (and read back with <see cref="ISessionGrain.EventsSince"/>).
/// <paramref name="EventId"/> is the session's ledger event id: it grows by one per event, so a follower that saw id N
/// resumes after N with no gap and no duplicate. <paramref name="Kind"/> is one of <see cref="SessionStreamKinds"/>;
/// <paramref name="Lines"/> are the transcript lines the event added (masked). <paramref name="Note"/> and
/// <paramref name="Group"/> are for agents only (transfers); pages for customers leave them out.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.session-stream-event")]
public sealed record SessionStreamEvent(
    [property: Id(0)] string SessionId,
    [property: Id(1)] long EventId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Kind,
    [property: Id(4)] SessionStatus Status,
    [property: Id(5)] IReadOnlyList<TranscriptEntry> Lines,
    [property: Id(6)] string? AgentId = null,
    [property: Id(7)] string? AgentName = null,
    [property: Id(8)] string? Group = null,
    [property: Id(9)] string? Note = null);
