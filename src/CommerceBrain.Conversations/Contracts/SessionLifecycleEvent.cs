namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// One change of who looks after a session, told to the registered <see cref="ISessionLifecycleListener"/>s after the
/// change is committed to the transcript ledger. <paramref name="EventId"/> is the session's ledger event id (a
/// re-delivery after a restart carries the same id, so listeners can ignore repeats).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.session-lifecycle-event")]
public sealed record SessionLifecycleEvent(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] SessionLifecycleKind Kind,
    [property: Id(3)] long EventId,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? AgentId,
    [property: Id(6)] HandoffPacket? Packet,
    [property: Id(7)] string? Group,
    [property: Id(8)] string? Note);
