using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CommerceBrain.Identity.Authentication;

/// <summary>
/// Turns the bearer handler's challenges and refusals into problem details: 401 for a missing, expired or invalid token
/// (with <c>WWW-Authenticate: Bearer</c>, RFC 6750), 403 for a valid token whose role the endpoint does not admit.
/// </summary>
internal sealed partial class BearerProblemEvents(ILogger<BearerProblemEvents> logger) : JwtBearerEvents
{
    /// <summary>The query parameter a browser's WebSocket passes its token in (it cannot set an Authorization header).</summary>
    public const string AccessTokenParameter = "access_token";

    public override Task MessageReceived(MessageReceivedContext context)
    {
        // Only on WebSocket handshakes, so tokens stay out of ordinary URLs; a header, when present, wins.
        var http = context.HttpContext;
        if (http.WebSockets.IsWebSocketRequest
            && string.IsNullOrEmpty(http.Request.Headers.Authorization)
            && http.Request.Query.TryGetValue(AccessTokenParameter, out var token)
            && !string.IsNullOrEmpty(token))
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        // Ours replaces the handler's empty 401.
        context.HandleResponse();
        var http = context.HttpContext;
        var (reason, title, detail, header) = context.AuthenticateFailure switch
        {
            null => ("missing", "Authentication required.",
                "authentication required: send a bearer token in the Authorization header ('Authorization: Bearer <token>').",
                "Bearer"),
            SecurityTokenExpiredException expired => ("expired", "The token expired.",
                $"The bearer token expired at {new DateTimeOffset(DateTime.SpecifyKind(expired.Expires, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture)}; get a new token.",
                "Bearer error=\"invalid_token\", error_description=\"The token expired\""),
            _ => ("invalid", "Invalid token.",
                "invalid token: the bearer token is malformed, not signed by this service, or not meant for it.",
                "Bearer error=\"invalid_token\", error_description=\"The token is invalid\""),
        };
        if (context.AuthenticateFailure is { } failure)
        {
            // The exception's type says what failed; its message can quote the token, so it is not logged.
            LogRejected(logger, reason, failure.GetType().Name);
        }

        IdentityTelemetry.Refusals.Add(1, new KeyValuePair<string, object?>("reason", reason));
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = header;
        return IdentityProblems.WriteAsync(http, StatusCodes.Status401Unauthorized, title, detail);
    }

    public override Task Forbidden(ForbiddenContext context)
    {
        var http = context.HttpContext;
        IdentityTelemetry.Refusals.Add(1, new KeyValuePair<string, object?>("reason", "forbidden"));
        var role = http.User.RoleName() ?? "(none)";
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return IdentityProblems.WriteAsync(http, StatusCodes.Status403Forbidden, "Forbidden.",
            $"The token is valid, but role '{role}' may not use this endpoint.");
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information, Message = "Bearer token refused ({Reason}: {Failure})")]
    private static partial void LogRejected(ILogger logger, string reason, string failure);
}
