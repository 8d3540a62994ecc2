using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Api;

/// <summary>
/// The agent holds the session: the handoff packet (null when the bot had not handed it over), the whole transcript,
/// the status and the last event id, from which <c>GET /api/sessions/{id}/stream?after=</c> follows live.
/// </summary>
public sealed record AttachResponse(string SessionId, string Status, HandoffPacket? Packet, IReadOnlyList<TranscriptLine> Transcript, long LastEventId);
