using System.Security.Claims;
using System.Text.RegularExpressions;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Conversations.Api;

/// <summary>The agent side of <c>/api/sessions</c>: attach, write, transfer, release, resolve (roles agent and admin).</summary>
public static partial class ConversationsApi
{
    private const int MaxDisplayNameLength = 60;

    private static void MapAgentEndpoints(RouteGroupBuilder api)
    {
        api.MapPost("/{id}/attach", Attach)
            .RequireAuthorization(Policies.Agent)
            .WithName("AttachToSession")
            .WithSummary("An agent takes the session: returns the handoff packet, the transcript and the last event id (follow on with the stream). Exactly one agent holds a session; attaching again is idempotent.")
            .Produces<AttachResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/agent-messages", AgentSend)
            .RequireAuthorization(Policies.Agent)
            .WithName("SendAgentMessage")
            .WithSummary("The attached agent writes to the customer (shown live); returns the event id and any warnings about the text. A retry with the same clientMessageId is not sent twice.")
            .Produces<AgentMessageResponse>(StatusCodes.Status201Created)
            .Produces<AgentMessageResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/transfer", Transfer)
            .RequireAuthorization(Policies.Agent)
            .WithName("TransferSession")
            .WithSummary("The attached agent passes the session to a skill group or another agent with a note; it waits for a person again.")
            .Produces<AgentActionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/release", Release)
            .RequireAuthorization(Policies.Agent)
            .WithName("ReleaseSession")
            .WithSummary("The attached agent gives the session back to the bot.")
            .Produces<AgentActionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/resolve", Resolve)
            .RequireAuthorization(Policies.Agent)
            .WithName("ResolveSession")
            .WithSummary("The attached agent closes the session with a resolution code.")
            .Produces<AgentActionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Attach(string id, [FromBody] AttachRequest? request, ClaimsPrincipal user, HttpContext http,
        IGrainFactory grains)
    {
        if (!Id().IsMatch(id))
        {
            return UnknownSession(id);
        }

        var agentId = user.SubjectId()!;
        var displayName = string.IsNullOrWhiteSpace(request?.DisplayName) ? agentId : request.DisplayName.Trim();
        if (displayName.Length > MaxDisplayNameLength || displayName.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["displayName"] = [$"'displayName' must be 1-{MaxDisplayNameLength} characters without control characters."],
            });
        }

        var session = grains.GetGrain<ISessionGrain>(id);
        var view = await session.Get();
        if (view is null)
        {
            return UnknownSession(id);
        }

        if (view.Status == SessionStatus.Closed)
        {
            return SessionClosed();
        }

        // Re-attaching to one's own session is idempotent and must not be refused for capacity the session already uses.
        if (!string.Equals(view.AgentId, agentId, StringComparison.Ordinal)
            && http.RequestServices.GetService<IAgentAdmission>() is { } admission
            && await admission.CanAttachAsync(agentId, id, http.RequestAborted) is { Allowed: false } refused)
        {
            return Problem(refused.Status is >= 400 and < 500 ? refused.Status.Value : StatusCodes.Status403Forbidden,
                "The agent may not attach to this session.", refused.Reason ?? "Attaching is not allowed now.");
        }

        var result = await session.Attach(new AgentAttach(agentId, displayName));
        return result.Outcome switch
        {
            AttachOutcome.Attached => TypedResults.Ok(new AttachResponse(id, ApiNames.Of(result.Status), result.Packet,
                result.Transcript.Select(Line).ToArray(), result.LastEventId)),
            AttachOutcome.HeldByOther => Problem(StatusCodes.Status409Conflict, "Another agent holds the session.",
                "Another agent attached to this session first; pick another session from your queue."),
            AttachOutcome.Closed => SessionClosed(),
            _ => UnknownSession(id),
        };
    }

    private static async Task<IResult> AgentSend(string id, [FromBody] AgentMessageRequest? request, ClaimsPrincipal user, HttpContext http,
        IGrainFactory grains, IOptions<SessionOptions> options)
    {
        if (!Id().IsMatch(id))
        {
            return UnknownSession(id);
        }

        var errors = MessageErrors(request?.Text, request?.ClientMessageId, options.Value.MaxTextLength);
        var reasonCode = string.IsNullOrWhiteSpace(request?.ReasonCode) ? null : request.ReasonCode.Trim();
        if (reasonCode is not null && !ResolutionCode().IsMatch(reasonCode))
        {
            errors["reasonCode"] = ["'reasonCode' must be 1-64 characters of lower-case letters, digits, '_', '-' or '.' (e.g. 'late-delivery')."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var agentId = user.SubjectId()!;
        var session = grains.GetGrain<ISessionGrain>(id);

        // Reviewed before sending so the warnings are recorded with the message (the message is sent either way).
        IReadOnlyList<AgentDraftWarning> warnings = [];
        if (http.RequestServices.GetService<IAgentDraftReviewer>() is { } reviewer
            && await session.Get() is { } current
            && string.Equals(current.AgentId, agentId, StringComparison.Ordinal))
        {
            warnings = await reviewer.ReviewAsync(new AgentDraft(id, agentId, request!.Text!, current.Handoff, reasonCode), http.RequestAborted);
        }

        var result = await session.AgentSend(new AgentMessage(agentId, request!.Text!, request.ClientMessageId!, warnings, reasonCode));
        if (result.Outcome is not (AgentActionOutcome.Done or AgentActionOutcome.Replayed))
        {
            return AgentRefusal(id, result.Outcome);
        }

        var response = new AgentMessageResponse(result.EventId, ApiNames.Of(result.Status), result.Outcome == AgentActionOutcome.Replayed, warnings);
        return result.Outcome == AgentActionOutcome.Replayed
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/sessions/{id}/events/{result.EventId}", response);
    }

    private static async Task<IResult> Transfer(string id, [FromBody] TransferRequest? request, ClaimsPrincipal user, IGrainFactory grains,
        IOptions<SessionOptions> options)
    {
        if (!Id().IsMatch(id))
        {
            return UnknownSession(id);
        }

        var agentId = user.SubjectId()!;
        var errors = new Dictionary<string, string[]>();
        var group = string.IsNullOrWhiteSpace(request?.Group) ? null : request.Group.Trim();
        var target = string.IsNullOrWhiteSpace(request?.AgentId) ? null : request.AgentId.Trim();
        if ((group is null) == (target is null))
        {
            errors["group"] = ["Give exactly one of 'group' (a skill group) or 'agentId' (a colleague)."];
        }
        else if (group is not null && !EscalationGroups.All.Contains(group, StringComparer.Ordinal))
        {
            errors["group"] = [$"Unknown group '{Truncate(group)}'; groups are {string.Join(", ", EscalationGroups.All)}."];
        }
        else if (target is not null && (!Id().IsMatch(target) || string.Equals(target, agentId, StringComparison.Ordinal)))
        {
            errors["agentId"] = [$"'agentId' must be another agent's id: 1-{MaxIdLength} characters of letters, digits, '.', '_', ':' or '-'."];
        }

        var note = request?.Note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > options.Value.MaxNoteLength)
        {
            errors["note"] = [$"'note' is required: 1-{options.Value.MaxNoteLength} characters telling the next person what is going on."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await grains.GetGrain<ISessionGrain>(id).Transfer(new AgentTransfer(agentId, group, target, note!));
        return ActionResult(id, result);
    }

    private static async Task<IResult> Release(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Id().IsMatch(id))
        {
            return UnknownSession(id);
        }

        return ActionResult(id, await grains.GetGrain<ISessionGrain>(id).Release(user.SubjectId()!));
    }

    private static async Task<IResult> Resolve(string id, [FromBody] ResolveRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Id().IsMatch(id))
        {
            return UnknownSession(id);
        }

        if (request?.ResolutionCode is not { } code || !ResolutionCode().IsMatch(code))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["resolutionCode"] = ["'resolutionCode' is required: 1-64 characters of lower-case letters, digits, '_', '-' or '.' (e.g. 'refund_issued')."],
            });
        }

        return ActionResult(id, await grains.GetGrain<ISessionGrain>(id).Resolve(user.SubjectId()!, code));
    }

    private static IResult ActionResult(string id, AgentActionResult result) => result.Outcome == AgentActionOutcome.Done
        ? TypedResults.Ok(new AgentActionResponse(result.EventId, ApiNames.Of(result.Status)))
        : AgentRefusal(id, result.Outcome);

    private static IResult AgentRefusal(string id, AgentActionOutcome outcome) => outcome switch
    {
        AgentActionOutcome.NotAttached => Problem(StatusCodes.Status409Conflict, "You are not attached to this session.",
            $"Attach first with POST /api/sessions/{Truncate(id)}/attach; only the agent holding a session may act on it."),
        AgentActionOutcome.Closed => SessionClosed(),
        AgentActionOutcome.ClientMessageIdConflict => Problem(StatusCodes.Status409Conflict, "The clientMessageId was already used with a different text.",
            "Give each new message its own clientMessageId."),
        _ => UnknownSession(id),
    };

    private static IResult UnknownSession(string id) =>
        Problem(StatusCodes.Status404NotFound, "No such session.", $"There is no session '{Truncate(id)}'.");

    private static IResult SessionClosed() =>
        Problem(StatusCodes.Status409Conflict, "The session is closed.", "A closed session takes no agent.");

    [GeneratedRegex(@"^[a-z0-9_.\-]{1,64}$")]
    private static partial Regex ResolutionCode();
}
