namespace CommerceBrain.Agents.Api;

/// <summary>Body of <c>POST /api/sessions/{id}/agent-drafts</c>: the draft text and, for a compensation promise, its reason code.</summary>
public sealed record DraftCheckRequest(string? Text, string? ReasonCode = null);
