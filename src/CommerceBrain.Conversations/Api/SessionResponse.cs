using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Api;

/// <summary>
/// A session: status, transcript and, for operators only, the handoff packet (it holds the bot's notes about the customer).
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
    HandoffPacket? Handoff);
