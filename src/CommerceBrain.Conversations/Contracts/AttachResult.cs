namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// The answer to an <see cref="AgentAttach"/>: on success the handoff packet (null when the agent took a session the bot
/// had not handed over), the whole transcript and the last event id, from which the live stream follows.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.attach-result")]
public sealed record AttachResult(
    [property: Id(0)] AttachOutcome Outcome,
    [property: Id(1)] SessionStatus Status,
    [property: Id(2)] HandoffPacket? Packet,
    [property: Id(3)] IReadOnlyList<TranscriptEntry> Transcript,
    [property: Id(4)] long LastEventId,
    [property: Id(5)] string? HeldBy = null);
