namespace CommerceBrain.Load.Double11.Api;

/// <summary><c>POST /api/sessions/{id}/attach</c> → 200.</summary>
public sealed record AttachAnswer(string SessionId, string Status, long LastEventId);
