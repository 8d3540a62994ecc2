using System.Security.Claims;
using CommerceBrain.Agents.Contracts;
using CommerceBrain.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Agents.Api;

/// <summary>
/// <c>/api/agents</c>: agents (role agent or admin) set their presence, read their queue and pick sessions; the
/// supervisor view needs admin.
/// </summary>
public static class AgentsApi
{
    private const int MaxSessionIdLength = 128;

    /// <summary>Maps the agent endpoints and the agent assist endpoints on <c>/api/sessions</c> (<see cref="AssistApi"/>).</summary>
    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization(Policies.Agent);
        api.MapPut("/me/presence", SetPresence)
            .WithName("SetAgentPresence")
            .WithSummary("Sets the signed-in agent's presence (online, away, offline), skill groups and capacity (concurrent sessions).")
            .Accepts<PresenceRequest>("application/json")
            .Produces<AgentResponse>()
            .ProducesValidationProblem();
        api.MapGet("/me", Me)
            .WithName("GetAgent")
            .WithSummary("The signed-in agent's presence, groups, capacity and the sessions held.")
            .Produces<AgentResponse>();
        api.MapGet("/me/queue", Queue)
            .WithName("GetAgentQueue")
            .WithSummary("Sessions assigned to the agent (all), then sessions waiting in the agent's groups by priority (at most QueueViewLimit, 50 by default).")
            .Produces<List<QueueItemResponse>>();
        api.MapPost("/me/queue/{sessionId}/pick", Pick)
            .WithName("PickSession")
            .WithSummary("Assigns a waiting session of one of the agent's groups to the agent (then attach with POST /api/sessions/{id}/attach).")
            .Produces<QueueItemResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/supervisor", Supervisor)
            .RequireAuthorization(Policies.Admin)
            .WithName("GetSupervisorView")
            .WithSummary("Queue lengths, longest waits, SLA breaches, and per-agent load, handle time and satisfaction.")
            .Produces<SupervisorResponse>();
        app.MapAssistApi();
        return app;
    }

    internal static (PresenceChange? Change, Dictionary<string, string[]> Errors) Validate(PresenceRequest? request, AgentsOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors[""] = ["A JSON body is required."];
            return (null, errors);
        }

        AgentPresence? presence = request.Status switch
        {
            "online" => AgentPresence.Online,
            "away" => AgentPresence.Away,
            "offline" => AgentPresence.Offline,
            _ => null,
        };
        if (presence is null)
        {
            errors["status"] = ["'status' is required: online, away or offline."];
        }

        if (request.Groups is { } groups)
        {
            var unknown = groups.Where(g => !SkillGroups.IsKnown(g)).Select(g => g ?? "null").ToList();
            if (unknown.Count > 0)
            {
                errors["groups"] = [$"Unknown group(s) {string.Join(", ", unknown.Select(g => $"'{(g.Length <= 40 ? g : g[..40] + "…")}'"))}; groups are {string.Join(", ", SkillGroups.All)}."];
            }
        }

        if (request.Capacity is < 1 || request.Capacity > options.MaxCapacity)
        {
            errors["capacity"] = [$"'capacity' must be 1-{options.MaxCapacity} concurrent sessions."];
        }

        return errors.Count > 0 ? (null, errors) : (new PresenceChange(presence!.Value, request.Groups, request.Capacity), errors);
    }

    private static async Task<IResult> SetPresence([FromBody] PresenceRequest? request, ClaimsPrincipal user, IGrainFactory grains,
        IOptions<AgentsOptions> options)
    {
        var (change, errors) = Validate(request, options.Value);
        if (change is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var view = await grains.GetGrain<IAgentGrain>(user.SubjectId()!).SetPresence(change);
        return TypedResults.Ok(ToResponse(view));
    }

    private static async Task<IResult> Me(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(ToResponse(await grains.GetGrain<IAgentGrain>(user.SubjectId()!).View()));

    private static async Task<IResult> Queue(ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock, IOptions<AgentsOptions> options)
    {
        var agentId = user.SubjectId()!;
        var limit = Math.Max(1, options.Value.QueueViewLimit);
        var agent = await grains.GetGrain<IAgentGrain>(agentId).View();
        var now = clock.GetUtcNow();
        var items = new Dictionary<string, QueueItemResponse>(StringComparer.Ordinal);
        foreach (var group in agent.Groups)
        {
            // Bounded per group: the agent's own sessions and the group's first `limit` waiting ones; sessions
            // assigned to another agent are that agent's, not this one's to see.
            foreach (var entry in await grains.GetGrain<IAgentQueueGrain>(group).ForAgent(agentId, limit))
            {
                items[entry.SessionId] = ToItem(entry, agentId, now);
            }
        }

        foreach (var (sessionId, group) in agent.Assigned.Where(a => !items.ContainsKey(a.Key)))
        {
            if (await grains.GetGrain<IAgentQueueGrain>(group).Entry(sessionId) is { } entry && entry.AssignedTo == agentId)
            {
                items[sessionId] = ToItem(entry, agentId, now);
            }
        }

        var ordered = items.Values
            .OrderByDescending(i => i.AssignedToMe)
            .ThenByDescending(i => i.Priority)
            .ThenByDescending(i => i.WaitingSeconds)
            .ThenBy(i => i.SessionId, StringComparer.Ordinal);
        var mine = ordered.Where(i => i.AssignedToMe).ToList();
        return TypedResults.Ok(mine.Concat(ordered.Where(i => !i.AssignedToMe).Take(limit)).ToList());
    }

    private static async Task<IResult> Pick(string sessionId, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (sessionId.Length > MaxSessionIdLength)
        {
            return NotWaiting(sessionId);
        }

        var agentId = user.SubjectId()!;
        var routing = await grains.GetGrain<ISessionRoutingGrain>(sessionId).View();
        if (routing.Group is not { } group || routing.Status is not (SessionRoutingStatus.Waiting or SessionRoutingStatus.Attached))
        {
            return NotWaiting(sessionId);
        }

        var queue = grains.GetGrain<IAgentQueueGrain>(group);
        switch (await queue.Pick(agentId, sessionId))
        {
            case PickOutcome.Assigned when await queue.Entry(sessionId) is { } entry:
                return TypedResults.Ok(ToItem(entry, agentId, clock.GetUtcNow()));
            case PickOutcome.NotInGroup:
                return Problem(StatusCodes.Status403Forbidden, "Not one of your groups.", $"The session waits in '{group}', which is not one of your groups.");
            case PickOutcome.Unavailable:
                return Problem(StatusCodes.Status409Conflict, "You cannot take another session.",
                    "You must be online and under your capacity to pick a session.");
            default:
                return NotWaiting(sessionId);
        }
    }

    private static async Task<IResult> Supervisor(IGrainFactory grains, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var queues = new List<GroupQueueResponse>();
        foreach (var group in SkillGroups.All)
        {
            var snapshot = await grains.GetGrain<IAgentQueueGrain>(group).Summary();
            var longest = snapshot.OldestWaitingSince is { } oldest ? Seconds(now - oldest) : 0;
            queues.Add(new GroupQueueResponse(group, snapshot.Length, snapshot.Assigned, longest,
                snapshot.BreachCount,
                [.. snapshot.RecentBreaches.Reverse().Select(b => new SlaBreachResponse(b.SessionId, b.Group, b.Clock, b.DueAt, b.At, b.AgentId))],
                snapshot.Agents));
        }

        var agents = new List<AgentLoadResponse>();
        foreach (var agentId in await grains.GetGrain<IAgentDirectoryGrain>(IAgentDirectoryGrain.Key).List())
        {
            var a = await grains.GetGrain<IAgentGrain>(agentId).View();
            agents.Add(new AgentLoadResponse(a.AgentId, Name(a.Presence), a.Groups, a.Capacity, a.Load, a.Active.Count, a.Handled,
                a.Handled == 0 ? null : Math.Round(a.HandleSeconds / a.Handled, 1),
                a.Ratings == 0 ? null : Math.Round((double)a.RatingSum / a.Ratings, 2), a.Ratings));
        }

        return TypedResults.Ok(new SupervisorResponse(queues, agents));
    }

    private static QueueItemResponse ToItem(QueueEntryView entry, string agentId, DateTimeOffset now) =>
        new(entry.SessionId, entry.Group, Seconds(now - entry.WaitingSince), entry.Summary, entry.Priority, entry.AssignedTo == agentId,
            entry.Note, entry.Breached);

    private static AgentResponse ToResponse(AgentView view) =>
        new(view.AgentId, Name(view.Presence), view.Groups, view.Capacity, view.Load, view.Active, [.. view.Assigned.Keys.Order(StringComparer.Ordinal)]);

    private static long Seconds(TimeSpan span) => Math.Max(0, (long)span.TotalSeconds);

    private static string Name(AgentPresence presence) => presence switch
    {
        AgentPresence.Online => "online",
        AgentPresence.Away => "away",
        _ => "offline",
    };

    private static IResult NotWaiting(string sessionId) =>
        Problem(StatusCodes.Status404NotFound, "No such waiting session.",
            $"Session '{(sessionId.Length <= 64 ? sessionId : sessionId[..64] + "…")}' is not waiting for an agent.");

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
