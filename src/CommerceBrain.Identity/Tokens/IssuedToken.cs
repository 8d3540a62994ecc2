namespace CommerceBrain.Identity.Tokens;

/// <summary>A signed bearer token and the moment it stops being accepted.</summary>
/// <param name="Token">The compact JWT (<c>header.payload.signature</c>) to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="ExpiresAt">Its <c>exp</c>.</param>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);
