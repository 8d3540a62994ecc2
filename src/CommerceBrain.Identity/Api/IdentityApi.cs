using System.Globalization;
using System.Security.Claims;
using CommerceBrain.Identity.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommerceBrain.Identity.Api;

/// <summary>
/// <c>GET /api/me</c> (any valid token), <c>POST /api/identity/tokens</c> (admins issue tokens, in every environment)
/// and, in Development only, <c>POST /api/dev/tokens</c> (anyone gets any token: never mapped elsewhere, so 404 there).
/// </summary>
public static class IdentityApi
{
    /// <summary>Maps the identity endpoints; the dev token endpoint only when <paramref name="environment"/> is Development.</summary>
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(environment);
        app.MapGet("/api/me", Me)
            .WithTags("Identity")
            .WithName("GetMe")
            .WithSummary("Who the bearer token says the caller is: subject, role, merchant scope and expiry.")
            .RequireAuthorization()
            .Produces<MeResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapPost("/api/identity/tokens", IssueToken)
            .WithTags("Identity")
            .WithName("IssueToken")
            .WithSummary("Admins issue a signed token for any subject and role (e.g. for an agent, a merchant's integration or a load test).")
            .RequireAuthorization(Policies.Admin)
            .Produces<TokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        if (environment.IsDevelopment())
        {
            app.MapPost("/api/dev/tokens", IssueToken)
                .WithTags("Identity")
                .WithName("IssueDevToken")
                .WithSummary("Development only: a signed token for any subject and role, no credentials asked. Not mapped outside Development.")
                .AllowAnonymous()
                .Produces<TokenResponse>()
                .ProducesValidationProblem();
        }

        return app;
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        var exp = user.FindFirst("exp")?.Value;
        DateTimeOffset? expiresAt = long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        // The policy admitted an authenticated caller; our tokens always carry sub and role.
        return TypedResults.Ok(new MeResponse(user.SubjectId() ?? string.Empty, user.RoleName() ?? string.Empty, user.MerchantId(), expiresAt));
    }

    private static Results<Ok<TokenResponse>, ValidationProblem> IssueToken([FromBody] TokenRequest? request, TokenIssuer issuer)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send {\"subject\", \"role\", \"merchantId\"?, \"lifetimeMinutes\"?} as JSON."] });
        }

        var errors = TokenRequestRules.Check(request.Subject, request.Role, request.MerchantId, request.LifetimeMinutes);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var issued = issuer.Issue(request.Subject!, request.Role!, request.MerchantId,
            TimeSpan.FromMinutes(request.LifetimeMinutes ?? BearerTokens.DefaultLifetimeMinutes));
        return TypedResults.Ok(new TokenResponse(issued.Token, issued.ExpiresAt));
    }
}
