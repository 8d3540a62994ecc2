namespace CommerceBrain.Conversations.Api;

/// <summary>A transfer, release or resolution was stored as <c>eventId</c>; <c>status</c> is the session's status after it.</summary>
public sealed record AgentActionResponse(long EventId, string Status);
