namespace CommerceBrain.Identity.Api;

/// <summary>A signed bearer token.</summary>
/// <param name="Token">Send it as <c>Authorization: Bearer &lt;token&gt;</c>.</param>
/// <param name="ExpiresAt">When it stops being accepted (UTC).</param>
public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);
