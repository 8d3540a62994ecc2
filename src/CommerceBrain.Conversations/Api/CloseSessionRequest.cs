namespace CommerceBrain.Conversations.Api;

/// <summary>Body of <c>POST /api/sessions/{id}/close</c>: satisfaction 1–5 and an optional comment (at most 1,000 characters).</summary>
public sealed record CloseSessionRequest(int? Satisfaction, string? Comment);
