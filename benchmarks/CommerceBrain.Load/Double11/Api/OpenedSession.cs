namespace CommerceBrain.Load.Double11.Api;

/// <summary><c>POST /api/sessions</c> → 201.</summary>
public sealed record OpenedSession(string SessionId, string Status, string? MerchantId);
