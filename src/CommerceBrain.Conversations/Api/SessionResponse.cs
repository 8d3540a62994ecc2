using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Api;

/// <summary>
/// A session: status, transcript and, for operators only, the handoff packet (it holds the bot's notes about the customer).
/// <c>lastEventId</c> is where a live stream (<c>GET /api/sessions/{id}/stream?after=…</c>) picks up; <c>agentName</c> is
/// the person talking with the customer, if any.
/// </summary>
public sealed record SessionResponse(
    string SessionId,
    string Status,
    string Channel,
    string? MerchantId,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    int? Satisfaction,
    string? Comment,
    IReadOnlyList<TranscriptLine> Transcript,
    HandoffPacket? Handoff,
    long LastEventId = 0,
    string? AgentName = null,
    string? AgentId = null);
