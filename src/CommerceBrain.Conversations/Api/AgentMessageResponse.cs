using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Api;

/// <summary>The agent's message is stored as <c>eventId</c>; <c>warnings</c> from the draft reviewer (empty when none); <c>replayed</c> on a retry.</summary>
public sealed record AgentMessageResponse(long EventId, string Status, bool Replayed, IReadOnlyList<AgentDraftWarning> Warnings);
