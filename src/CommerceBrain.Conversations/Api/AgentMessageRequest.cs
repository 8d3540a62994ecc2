namespace CommerceBrain.Conversations.Api;

/// <summary>Body of <c>POST /api/sessions/{id}/agent-messages</c>: the text (1–2,000 characters) and the client's id for it (a retry sends it once).</summary>
public sealed record AgentMessageRequest(string? Text, string? ClientMessageId);
