namespace CommerceBrain.Conversations.Api;

/// <summary>
/// One WebSocket text message of <c>GET /api/sessions/{id}/stream</c>. <c>type</c> is <c>event</c> (a session event:
/// <c>eventId</c>, <c>kind</c>, <c>status</c>, the transcript <c>lines</c> it added, and for agents <c>agentId</c>,
/// <c>group</c>, <c>note</c>) or <c>ping</c> (a heartbeat carrying the last event id sent).
/// </summary>
public sealed record StreamMessage(
    string Type,
    long EventId,
    string? Kind = null,
    DateTimeOffset? At = null,
    string? Status = null,
    IReadOnlyList<TranscriptLine>? Lines = null,
    string? AgentId = null,
    string? AgentName = null,
    string? Group = null,
    string? Note = null);
