using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommerceBrain.Identity.Tokens;

/// <summary>
/// Signs bearer tokens with this silo's key: <c>sub</c>, <c>role</c>, <c>merchant_id</c> (merchant tokens), issuer and
/// audience <c>commercebrain</c>, HMAC-SHA256. Used by the token endpoints, tests and the load driver.
/// </summary>
public sealed class TokenIssuer(TokenSigningKey signingKey, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Issues a token valid from now for <paramref name="lifetime"/> (default 60 minutes, at most one day).</summary>
    /// <exception cref="ArgumentException">The subject, role, merchant id or lifetime breaks <see cref="TokenRequestRules"/>.</exception>
    public IssuedToken Issue(string subject, string role, string? merchantId = null, TimeSpan? lifetime = null)
    {
        var minutes = lifetime is { } given ? (int)Math.Ceiling(given.TotalMinutes) : (int?)null;
        var errors = TokenRequestRules.Check(subject, role, merchantId, minutes);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Values.SelectMany(e => e)));
        }

        var now = clock.GetUtcNow();
        // Whole seconds: JWT times are seconds, so the answer's expiresAt equals the token's exp.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expiresAt = issuedAt + (lifetime ?? TimeSpan.FromMinutes(BearerTokens.DefaultLifetimeMinutes));
        expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds());
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [CommerceBrainClaims.Subject] = subject,
            [CommerceBrainClaims.Role] = role,
        };
        if (merchantId is not null)
        {
            claims[CommerceBrainClaims.MerchantId] = merchantId;
        }

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BearerTokens.Issuer,
            Audience = BearerTokens.Audience,
            Claims = claims,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = signingKey.Credentials,
        });
        IdentityTelemetry.TokensIssued.Add(1, new KeyValuePair<string, object?>("role", role));
        return new IssuedToken(token, expiresAt);
    }

    /// <summary>How this silo checks tokens: signature with its key, issuer, audience, lifetime by <paramref name="clock"/>.</summary>
    public static TokenValidationParameters ValidationParameters(TokenSigningKey signingKey, TimeProvider clock, TimeSpan clockSkew)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        return new TokenValidationParameters
        {
            ValidIssuer = BearerTokens.Issuer,
            ValidAudience = BearerTokens.Audience,
            IssuerSigningKey = signingKey.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = clockSkew,
            // IdentityModel reads DateTime.UtcNow itself; this checks the same rules against our clock instead.
            LifetimeValidator = (notBefore, expires, _, _) => CheckLifetime(notBefore, expires, clock.GetUtcNow().UtcDateTime, clockSkew),
            NameClaimType = CommerceBrainClaims.Subject,
            RoleClaimType = CommerceBrainClaims.Role,
        };
    }

    // Throwing the handler's own exception types keeps "expired" distinguishable from other failures for the 401 answer.
    private static bool CheckLifetime(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan clockSkew)
    {
        if (expires is not { } expiry)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }

        if (notBefore is { } start && start > now + clockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = start };
        }

        if (expiry < now - clockSkew)
        {
            throw new SecurityTokenExpiredException("The token expired.") { Expires = expiry };
        }

        return true;
    }

    /// <summary>Checks <paramref name="token"/> like the silo does; for tools and tests that hold a token outside HTTP.</summary>
    public async Task<ClaimsPrincipal?> ValidateAsync(string token, TimeSpan? clockSkew = null)
    {
        var result = await Handler.ValidateTokenAsync(token, ValidationParameters(signingKey, clock, clockSkew ?? TimeSpan.Zero));
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }
}
