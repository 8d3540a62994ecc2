using System.Security.Claims;
using System.Text.RegularExpressions;
using CommerceBrain.Agents.Assist;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Agents.Api;

/// <summary>
/// Agent assist on <c>/api/sessions/{id}</c>: the draft check (warnings before sending, nothing stored) and the
/// suggestions for the latest customer message. Only the agent attached to the session, or an admin.
/// </summary>
public static partial class AssistApi
{
    /// <summary>Maps the assist endpoints.</summary>
    public static IEndpointRouteBuilder MapAssistApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/sessions").WithTags("Agents").RequireAuthorization(Policies.Agent);
        api.MapPost("/{id}/agent-drafts", CheckDraft)
            .WithName("CheckAgentDraft")
            .WithSummary("Reviews an agent's draft before it is sent: warnings {code, message, severity} (rude, promise_over_order_value, compensation_without_reason, personal_data, other_customer_data). Nothing is stored.")
            .Accepts<DraftCheckRequest>("application/json")
            .Produces<DraftCheckResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id}/assist", Assist)
            .WithName("GetAgentAssist")
            .WithSummary("Suggested replies (FAQ, shop FAQ, earlier agent answers), next actions and phrasing tips for the customer's latest message, and the warnings recorded so far.")
            .Produces<AssistResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> CheckDraft(string id, [FromBody] DraftCheckRequest? request, ClaimsPrincipal user, HttpContext http,
        IGrainFactory grains, IAgentDraftReviewer reviewer, IOptions<AgentsOptions> options)
    {
        var errors = new Dictionary<string, string[]>();
        var max = options.Value.Assist.MaxDraftLength;
        if (string.IsNullOrWhiteSpace(request?.Text))
        {
            errors["text"] = ["'text' is required and must not be blank."];
        }
        else if (request.Text.Length > max)
        {
            errors["text"] = [$"'text' must be at most {max} characters (it has {request.Text.Length})."];
        }

        var reasonCode = string.IsNullOrWhiteSpace(request?.ReasonCode) ? null : request.ReasonCode.Trim();
        if (reasonCode is not null && !ReasonCodeRegex().IsMatch(reasonCode))
        {
            errors["reasonCode"] = [$"'reasonCode' must be 1-64 characters of lower-case letters, digits, '_', '-' or '.'; known codes: {string.Join(", ", CompensationReasons.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (view, refusal) = await AttachedSessionAsync(id, user, grains);
        if (refusal is not null)
        {
            return refusal;
        }

        var warnings = await reviewer.ReviewAsync(new AgentDraft(id, user.SubjectId()!, request!.Text!, view!.Handoff, reasonCode), http.RequestAborted);
        return TypedResults.Ok(new DraftCheckResponse(warnings));
    }

    private static async Task<IResult> Assist(string id, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, SessionAssistant assistant)
    {
        var (view, refusal) = await AttachedSessionAsync(id, user, grains);
        return refusal ?? TypedResults.Ok(await assistant.AssistAsync(view!, http.RequestAborted));
    }

    /// <summary>The session when the caller is its attached agent or an admin; otherwise the problem to answer with.</summary>
    private static async Task<(SessionView? View, IResult? Refusal)> AttachedSessionAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!SessionIdRegex().IsMatch(id) || await grains.GetGrain<ISessionGrain>(id).Get() is not { } view)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such session.",
                detail: $"There is no session '{(id.Length <= 64 ? id : id[..64])}'."));
        }

        if (!user.HasRole(Roles.Admin) && !string.Equals(view.AgentId, user.SubjectId(), StringComparison.Ordinal))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "You are not attached to this session.",
                detail: $"Attach first with POST /api/sessions/{view.SessionId}/attach; assist is for the agent holding the session."));
        }

        return (view, null);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]{1,100}$")]
    private static partial Regex SessionIdRegex();

    [GeneratedRegex(@"^[a-z0-9_.\-]{1,64}$")]
    private static partial Regex ReasonCodeRegex();
}
