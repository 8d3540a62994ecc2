namespace CommerceBrain.Load.Double11.Api;

/// <summary><c>GET /api/sessions/{id}</c>.</summary>
public sealed record SessionView(string SessionId, string Status, string? MerchantId, IReadOnlyList<TranscriptLine> Transcript, long LastEventId);
