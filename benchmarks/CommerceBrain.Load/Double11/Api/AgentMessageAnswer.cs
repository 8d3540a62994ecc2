namespace CommerceBrain.Load.Double11.Api;

/// <summary><c>POST /api/sessions/{id}/agent-messages</c> → 201 (200 for a retry).</summary>
public sealed record AgentMessageAnswer(long EventId, string Status, bool Replayed);
