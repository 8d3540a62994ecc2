namespace CommerceBrain.Conversations.Api;

/// <summary>Body of <c>POST /api/sessions/{id}/transfer</c>: exactly one of a skill <c>group</c> or an <c>agentId</c>, and a note for the next person.</summary>
public sealed record TransferRequest(string? Group, string? AgentId, string? Note);
