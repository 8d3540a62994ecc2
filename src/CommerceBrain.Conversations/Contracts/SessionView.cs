namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// A session with its whole transcript and, once escalated, its handoff packet; <paramref name="LastEventId"/> is the last
/// ledger event id, <paramref name="AgentId"/>/<paramref name="AgentName"/> the agent holding it, <paramref name="Resolution"/>
/// the code an agent closed it with, <paramref name="AgentWarnings"/> the warnings recorded with agent messages
/// (for agents and admins only).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.session-view")]
public sealed record SessionView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string? MerchantId,
    [property: Id(3)] string Channel,
    [property: Id(4)] SessionStatus Status,
    [property: Id(5)] DateTimeOffset OpenedAt,
    [property: Id(6)] DateTimeOffset? ClosedAt,
    [property: Id(7)] int? Satisfaction,
    [property: Id(8)] string? Comment,
    [property: Id(9)] IReadOnlyList<TranscriptEntry> Transcript,
    [property: Id(10)] HandoffPacket? Handoff,
    [property: Id(11)] long LastEventId = 0,
    [property: Id(12)] string? AgentId = null,
    [property: Id(13)] string? AgentName = null,
    [property: Id(14)] string? Resolution = null,
    [property: Id(15)] IReadOnlyList<AgentMessageWarnings>? AgentWarnings = null);
