namespace CommerceBrain.Conversations.Api;

/// <summary>A new session: its id and status (<c>active</c>).</summary>
public sealed record OpenSessionResponse(string SessionId, string Status, string Channel, string? MerchantId);
