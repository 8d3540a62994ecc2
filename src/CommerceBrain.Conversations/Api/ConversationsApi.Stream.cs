using System.Net.WebSockets;
using System.Security.Claims;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Live;
using CommerceBrain.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Conversations.Api;

/// <summary><c>GET /api/sessions/{id}/stream</c>: a session's events live over a WebSocket, resumable by event id.</summary>
public static partial class ConversationsApi
{
    private static void MapStreamEndpoint(RouteGroupBuilder api) =>
        api.MapGet("/{id}/stream", Stream)
            .WithName("StreamSession")
            .WithSummary("WebSocket: the session's events from after=<eventId> on (backlog, then live), one JSON message per event, 'ping' when idle. " +
                "For the session's customer, the agent holding it, or an admin; browsers pass the token as the access_token query parameter.")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> Stream(string id, string? after, ClaimsPrincipal user, HttpContext http, IGrainFactory grains,
        SessionStreamHub hub, IOptions<SessionStreamOptions> options, ILoggerFactory loggers)
    {
        if (!Id().IsMatch(id))
        {
            return SessionNotFound(id);
        }

        long afterId = 0;
        if (after is not null && (!long.TryParse(after, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out afterId) || afterId < 0))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["after"] = ["'after' must be a whole number ≥ 0: the last event id the client has (0 or absent for all)."],
            });
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Problem(StatusCodes.Status400BadRequest, "A WebSocket request is required.",
                "Open this URL with a WebSocket client (ws:// or wss://); read the transcript with GET /api/sessions/{id}.");
        }

        var session = grains.GetGrain<ISessionGrain>(id);
        var view = await session.Get();
        var subject = user.SubjectId();
        var isAdmin = user.HasRole(Roles.Admin);
        var isOwner = user.HasRole(Roles.Customer) && view is not null && string.Equals(view.CustomerId, subject, StringComparison.Ordinal);
        var isHolder = user.HasRole(Roles.Agent) && view is not null && string.Equals(view.AgentId, subject, StringComparison.Ordinal);
        if (view is null || !(isAdmin || isOwner || isHolder))
        {
            // The same answer for unknown and not-yours: nothing is disclosed.
            return SessionNotFound(id);
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = options.Value.HeartbeatInterval });
        var connection = new SessionStreamConnection(socket, session, hub, options.Value, forCustomer: isOwner, followsWhileAttached: isHolder && !isAdmin,
            loggers.CreateLogger<SessionStreamConnection>());
        await connection.RunAsync(id, afterId, http.RequestAborted);
        return TypedResults.Empty;
    }
}
