namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// An agent's text before it is sent, with what the reviewer may need to judge it (the handoff packet, may be null) and
/// the compensation <paramref name="ReasonCode"/> the agent gave with it (may be null).
/// </summary>
public sealed record AgentDraft(string SessionId, string AgentId, string Text, HandoffPacket? Packet, string? ReasonCode = null);
