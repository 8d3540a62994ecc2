namespace CommerceBrain.Conversations.Api;

/// <summary>Body of <c>POST /api/sessions</c>: a shop to talk to (optional) and the channel (<c>web</c> default, <c>app</c>, <c>hotline</c>).</summary>
public sealed record OpenSessionRequest(string? MerchantId, string? Channel);
