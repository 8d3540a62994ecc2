namespace CommerceBrain.Conversations.Api;

/// <summary>
/// Body of <c>POST /api/sessions/{id}/agent-messages</c>: the text (1–2,000 characters), the client's id for it (a retry
/// sends it once) and, when the text promises compensation, the reason code (e.g. <c>late-delivery</c>; see docs/agents.md).
/// </summary>
public sealed record AgentMessageRequest(string? Text, string? ClientMessageId, string? ReasonCode = null);
