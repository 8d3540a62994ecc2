using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Api;

/// <summary>The answer of <c>POST /api/sessions/{id}/agent-drafts</c>: the warnings (<c>{code, message, severity}</c>), empty when the draft is fine.</summary>
public sealed record DraftCheckResponse(IReadOnlyList<AgentDraftWarning> Warnings);
