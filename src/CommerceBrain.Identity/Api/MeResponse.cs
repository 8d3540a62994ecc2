namespace CommerceBrain.Identity.Api;

/// <summary>Who the caller's token says they are (<c>GET /api/me</c>).</summary>
/// <param name="Subject">The token's <c>sub</c>.</param>
/// <param name="Role">The token's <c>role</c>.</param>
/// <param name="MerchantId">The token's <c>merchant_id</c> (merchant tokens only).</param>
/// <param name="ExpiresAt">The token's <c>exp</c>, so a client can renew in time.</param>
public sealed record MeResponse(string Subject, string Role, string? MerchantId, DateTimeOffset? ExpiresAt);
