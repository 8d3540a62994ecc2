namespace CommerceBrain.Conversations.Api;

/// <summary>
/// Body of <c>POST /api/sessions/{id}/messages</c>: the text (1–2,000 characters) and the client's id for this message,
/// so a retry returns the original reply instead of taking a second turn.
/// </summary>
public sealed record SendMessageRequest(string? Text, string? ClientMessageId);
