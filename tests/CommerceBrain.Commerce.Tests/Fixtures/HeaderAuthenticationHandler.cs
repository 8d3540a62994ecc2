using System.Security.Claims;
using System.Text.Encodings.Web;
using CommerceBrain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Commerce.Tests.Fixtures;

/// <summary>
/// Test authentication (the real bearer-token pipeline is the identity module's): the caller's role, subject and merchant
/// come from the X-Test-Role, X-Test-Subject and X-Test-Merchant headers; no role header means unauthenticated.
/// </summary>
public sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeaders";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var role = Request.Headers["X-Test-Role"].ToString();
        if (string.IsNullOrEmpty(role))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(CommerceBrainClaims.Role, role) };
        if (Request.Headers["X-Test-Subject"].ToString() is { Length: > 0 } subject)
        {
            claims.Add(new Claim(CommerceBrainClaims.Subject, subject));
        }

        if (Request.Headers["X-Test-Merchant"].ToString() is { Length: > 0 } merchant)
        {
            claims.Add(new Claim(CommerceBrainClaims.MerchantId, merchant));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, CommerceBrainClaims.Subject, CommerceBrainClaims.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
