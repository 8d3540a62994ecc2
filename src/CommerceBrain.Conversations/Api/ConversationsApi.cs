using System.Security.Claims;
using System.Text.RegularExpressions;
using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Conversations.Api;

/// <summary>
/// <c>/api/sessions</c>: customers open sessions, talk to the bot and close them; operators read any session. A customer
/// asking for another customer's session gets 404, exactly as for an unknown one.
/// </summary>
public static partial class ConversationsApi
{
    private const int MaxIdLength = 100;
    private static readonly string[] Channels = ["web", "app", "hotline"];

    /// <summary>Maps the session endpoints.</summary>
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/sessions").WithTags("Sessions").RequireAuthorization();
        api.MapPost("/", Open)
            .RequireAuthorization(Policies.Customer)
            .WithName("OpenSession")
            .WithSummary("Opens a customer-service session (optionally in a shop, whose own FAQ the bot then also answers from).")
            .Produces<OpenSessionResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapPost("/{id}/messages", Send)
            .RequireAuthorization(Policies.Customer)
            .WithName("SendSessionMessage")
            .WithSummary("Sends a customer message; the reply comes after the turn is durable. A retry with the same clientMessageId returns the original reply.")
            .Produces<SendMessageResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/{id}", Get)
            .WithName("GetSession")
            .WithSummary("The session's status and transcript (its customer, or an operator; operators also get the handoff packet).")
            .Produces<SessionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/close", Close)
            .RequireAuthorization(Policies.Customer)
            .WithName("CloseSession")
            .WithSummary("Closes the session with the customer's satisfaction (1-5) and an optional comment.")
            .Produces<SessionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapAgentEndpoints(api);
        MapStreamEndpoint(api);
        return app;
    }

    private static async Task<IResult> Open([FromBody] OpenSessionRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        var channel = request?.Channel ?? "web";
        if (!Channels.Contains(channel, StringComparer.Ordinal))
        {
            errors["channel"] = [$"'channel' must be one of {string.Join(", ", Channels)}."];
        }

        var merchantId = request?.MerchantId;
        if (merchantId is not null && !Id().IsMatch(merchantId))
        {
            errors["merchantId"] = [$"'merchantId' must be 1-{MaxIdLength} characters of letters, digits, '.', '_', ':' or '-'."];
        }
        else if (merchantId is not null && await grains.GetGrain<IMerchantGrain>(merchantId).Get() is null)
        {
            errors["merchantId"] = [$"There is no shop '{merchantId}'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var sessionId = Guid.CreateVersion7().ToString("N");
        var view = await grains.GetGrain<ISessionGrain>(sessionId).Open(new SessionOpening(user.SubjectId()!, channel, merchantId));
        return view is null
            ? Problem(StatusCodes.Status409Conflict, "The session id is taken.", "Open the session again.")
            : TypedResults.Created($"/api/sessions/{sessionId}",
                new OpenSessionResponse(sessionId, ApiNames.Of(view.Status), view.Channel, view.MerchantId));
    }

    // A customer's and an agent's message are checked alike: text present and not too long, a well-formed client id.
    private static Dictionary<string, string[]> MessageErrors(string? text, string? clientMessageId, int maxTextLength)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["text"] = ["'text' is required and must not be blank."];
        }
        else if (text.Length > maxTextLength)
        {
            errors["text"] = [$"'text' must be at most {maxTextLength} characters (it has {text.Length})."];
        }

        if (string.IsNullOrEmpty(clientMessageId) || !Id().IsMatch(clientMessageId))
        {
            errors["clientMessageId"] = [$"'clientMessageId' is required: 1-{MaxIdLength} characters of letters, digits, '.', '_', ':' or '-'."];
        }

        return errors;
    }

    private static async Task<IResult> Send(string id, [FromBody] SendMessageRequest? request, ClaimsPrincipal user,
        IGrainFactory grains, IOptions<SessionOptions> options)
    {
        if (!Id().IsMatch(id))
        {
            return SessionNotFound(id);
        }

        var errors = MessageErrors(request?.Text, request?.ClientMessageId, options.Value.MaxTextLength);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await grains.GetGrain<ISessionGrain>(id).Send(new CustomerMessage(user.SubjectId()!, request!.Text!, request.ClientMessageId!));
        return result.Outcome switch
        {
            TurnOutcome.Accepted or TurnOutcome.Replayed => TypedResults.Ok(new SendMessageResponse(
                ApiNames.View(result.Reply), ApiNames.Of(result.Status), result.Seq, result.Outcome == TurnOutcome.Replayed, result.EventId)),
            TurnOutcome.Closed => Problem(StatusCodes.Status409Conflict, "The session is closed.",
                "Open a new session with POST /api/sessions to go on."),
            TurnOutcome.ClientMessageIdConflict => Problem(StatusCodes.Status409Conflict, "The clientMessageId was already used with a different text.",
                $"Message '{request.ClientMessageId}' was already taken as line {result.Seq} with another text; give each new message its own clientMessageId."),
            TurnOutcome.TooManyTurns => Problem(StatusCodes.Status409Conflict, "The session is full.",
                $"A session takes at most {options.Value.MaxTurnsPerSession} messages; open a new session with POST /api/sessions."),
            _ => SessionNotFound(id),
        };
    }

    private static async Task<IResult> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Id().IsMatch(id))
        {
            return SessionNotFound(id);
        }

        var view = await grains.GetGrain<ISessionGrain>(id).Get();
        var isOperator = user.HasRole(Roles.Admin) || user.HasRole(Roles.Agent);
        if (view is null || (!isOperator && !string.Equals(view.CustomerId, user.SubjectId(), StringComparison.Ordinal)))
        {
            return SessionNotFound(id);
        }

        return TypedResults.Ok(ToResponse(view, includeHandoff: isOperator));
    }

    private static async Task<IResult> Close(string id, [FromBody] CloseSessionRequest? request, ClaimsPrincipal user,
        IGrainFactory grains, IOptions<SessionOptions> options)
    {
        if (!Id().IsMatch(id))
        {
            return SessionNotFound(id);
        }

        var errors = new Dictionary<string, string[]>();
        if (request?.Satisfaction is not (>= 1 and <= 5))
        {
            errors["satisfaction"] = ["'satisfaction' is required: a whole number from 1 (very unhappy) to 5 (very happy)."];
        }

        if (request?.Comment is { Length: var length } && length > options.Value.MaxCommentLength)
        {
            errors["comment"] = [$"'comment' must be at most {options.Value.MaxCommentLength} characters (it has {length})."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var comment = string.IsNullOrWhiteSpace(request!.Comment) ? null : request.Comment.Trim();
        var view = await grains.GetGrain<ISessionGrain>(id).Close(new SessionClosing(user.SubjectId()!, request.Satisfaction!.Value, comment));
        return view is null ? SessionNotFound(id) : TypedResults.Ok(ToResponse(view, includeHandoff: false));
    }

    private static SessionResponse ToResponse(SessionView view, bool includeHandoff) => new(
        view.SessionId,
        ApiNames.Of(view.Status),
        view.Channel,
        view.MerchantId,
        view.OpenedAt,
        view.ClosedAt,
        view.Satisfaction,
        view.Comment,
        view.Transcript.Select(Line).ToArray(),
        includeHandoff ? view.Handoff : null,
        view.LastEventId,
        view.AgentName,
        includeHandoff ? view.AgentId : null);

    internal static TranscriptLine Line(TranscriptEntry t) => new(t.Seq, t.At, t.Author, t.Text, ApiNames.View(t.Reply), t.EventId);

    private static IResult SessionNotFound(string id) =>
        Problem(StatusCodes.Status404NotFound, "No such session.", $"There is no session '{Truncate(id)}' of yours. Open one with POST /api/sessions.");

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

    private static string Truncate(string id) => id.Length <= MaxIdLength ? id : id[..MaxIdLength] + "…";

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]{1,100}$")]
    private static partial Regex Id();
}
