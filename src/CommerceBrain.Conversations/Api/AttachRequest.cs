namespace CommerceBrain.Conversations.Api;

/// <summary>Body of <c>POST /api/sessions/{id}/attach</c> (optional): the name the customer sees (1–60 characters; default the agent id).</summary>
public sealed record AttachRequest(string? DisplayName);
