using CommerceBrain.Agents.Assist;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Api;

/// <summary>
/// <c>GET /api/sessions/{id}/assist</c>: for the customer's latest message (event <paramref name="ForEventId"/>, 0 when the
/// customer has written nothing), suggested replies, next actions and phrasing tips; <paramref name="RecordedWarnings"/>
/// are the warnings recorded with this session's agent messages so far.
/// </summary>
public sealed record AssistResponse(
    long ForEventId,
    IReadOnlyList<AssistSuggestion> Suggestions,
    IReadOnlyList<AssistAction> Actions,
    IReadOnlyList<string> Phrasing,
    IReadOnlyList<AgentMessageWarnings> RecordedWarnings);
