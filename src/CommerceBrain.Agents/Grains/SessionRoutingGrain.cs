using CommerceBrain.Agents.Contracts;
using CommerceBrain.Agents.Routing;
using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Conversations.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;

namespace CommerceBrain.Agents.Grains;

/// <summary>
/// Routing's side of one session. Applies lifecycle events once each: side effects first (all idempotent: queues by
/// session id, agents by session id), then the event id is persisted, so a crash in between only repeats harmless work.
/// Response clocks: a grain timer fires on time while active; a durable reminder (first tick at the deadline, then every
/// <see cref="AgentsOptions.ReminderPeriod"/>) brings the grain back after a restart or deactivation.
/// </summary>
public sealed class SessionRoutingGrain(
    [PersistentState("agents-session")] IPersistentState<SessionRoutingState> state,
    IOptions<AgentsOptions> options,
    IOptions<ReminderOptions> reminders,
    TimeProvider clock,
    ILogger<SessionRoutingGrain> logger) : Grain, ISessionRoutingGrain, IRemindable
{
    private const string ReminderName = "sla";
    private const int OrdersLookedUp = 5;
    private IGrainTimer? timer;

    private string SessionId => this.GetPrimaryKeyString();

    private AgentsOptions Options => options.Value;

    // Orleans rejects reminder periods below its minimum (one minute by default), so a shorter setting is raised to it.
    private TimeSpan ReminderPeriod =>
        Options.ReminderPeriod > reminders.Value.MinimumReminderPeriod ? Options.ReminderPeriod : reminders.Value.MinimumReminderPeriod;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        ArmTimer();
    }

    public Task<SessionRoutingView> View() => Task.FromResult(state.State.View(SessionId));

    public async Task<bool> Apply(SessionLifecycleEvent lifecycleEvent)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        var s = state.State;
        if (s.IsRepeat(lifecycleEvent.EventId))
        {
            AgentsLog.Repeated(logger, SessionId, lifecycleEvent.EventId, lifecycleEvent.Kind.ToString());
            return false;
        }

        using var activity = AgentsTelemetry.Source.StartActivity("agents.session-event");
        activity?.SetTag("agents.session_id", SessionId);
        activity?.SetTag("agents.event_kind", lifecycleEvent.Kind.ToString());
        switch (lifecycleEvent.Kind)
        {
            case SessionLifecycleKind.Escalated:
                await Escalated(lifecycleEvent);
                break;
            case SessionLifecycleKind.Attached when lifecycleEvent.AgentId is { } agentId:
                await Attached(lifecycleEvent, agentId);
                break;
            case SessionLifecycleKind.CustomerMessage when s.Status is SessionRoutingStatus.Waiting or SessionRoutingStatus.Attached:
                s.NextResponseDue ??= lifecycleEvent.At + Options.NextResponse;
                break;
            case SessionLifecycleKind.AgentMessage:
                await Answered();
                break;
            case SessionLifecycleKind.Transferred:
                await Transferred(lifecycleEvent);
                break;
            case SessionLifecycleKind.Released:
                await Ended(lifecycleEvent, SessionRoutingStatus.Bot, null);
                break;
            case SessionLifecycleKind.Resolved:
                await Ended(lifecycleEvent, SessionRoutingStatus.Ended, null);
                break;
            case SessionLifecycleKind.Closed:
                await Ended(lifecycleEvent, SessionRoutingStatus.Ended, Satisfaction.Parse(lifecycleEvent.Note));
                break;
        }

        s.MarkSeen(lifecycleEvent.EventId);
        await ArmClocks();
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            await CheckClocks();
        }
    }

    private async Task Escalated(SessionLifecycleEvent e)
    {
        var s = state.State;
        var group = SkillGroups.IsKnown(e.Group) ? e.Group! : s.Group ?? Options.DefaultGroup;
        if (s.InQueue && s.Group is { } former && former != group)
        {
            await Queue(former).Remove(SessionId, null);
        }

        if (e.Packet is { } packet)
        {
            s.Summary = packet.Summary;
            s.Segment = packet.CustomerSegment;
            s.Sentiment = packet.Sentiment;
            s.OrderValue = await LargestOrder(packet.OrdersTouched);
        }

        s.Status = SessionRoutingStatus.Waiting;
        s.Group = group;
        s.AgentId = null;
        s.WaitingSince = e.At;
        s.Note = e.Note;
        s.FirstResponseDue = e.At + Options.FirstResponse;
        s.NextResponseDue = null;
        await Queue(group).Enqueue(s.Queued(SessionId));
        s.InQueue = true;
    }

    private async Task Attached(SessionLifecycleEvent e, string agentId)
    {
        var s = state.State;
        if (s.AgentId is { } previous && previous != agentId)
        {
            await Agent(previous).Detached(SessionId, e.At - (s.AttachedAt ?? e.At), null);
        }

        if (s.InQueue && s.Group is { } group)
        {
            await Queue(group).Remove(SessionId, agentId);
            AgentsTelemetry.WaitTime.Record(Math.Max(0, (e.At - s.WaitingSince).TotalSeconds), new KeyValuePair<string, object?>("group", group));
        }

        await Agent(agentId).Attached(SessionId);
        s.InQueue = false;
        s.Status = SessionRoutingStatus.Attached;
        s.AgentId = agentId;
        s.AttachedAt = e.At;
        // The first-response clock runs from escalation; an attach without one (no escalation seen) starts it now.
        s.FirstResponseDue ??= e.At + Options.FirstResponse;
        AgentsLog.SessionChanged(logger, SessionId, "attached", agentId);
    }

    private async Task Answered()
    {
        var s = state.State;
        s.FirstResponseDue = null;
        s.NextResponseDue = null;
        if (s.Status == SessionRoutingStatus.Attached && s.InQueue && s.Group is { } group)
        {
            // Re-queued after a breach, but the attached agent answered after all: the call for help is over.
            await Queue(group).Remove(SessionId, s.AgentId);
            s.InQueue = false;
        }
    }

    private async Task Transferred(SessionLifecycleEvent e)
    {
        var s = state.State;
        var from = s.AgentId;
        if (from is not null)
        {
            await Agent(from).Detached(SessionId, e.At - (s.AttachedAt ?? e.At), null);
        }

        var group = SkillGroups.IsKnown(e.Group) ? e.Group! : s.Group ?? Options.DefaultGroup;
        if (s.InQueue && s.Group is { } former && former != group)
        {
            await Queue(former).Remove(SessionId, null);
        }

        var target = e.AgentId is { } agentId && agentId != from ? agentId : null;
        s.Status = SessionRoutingStatus.Waiting;
        s.Group = group;
        s.AgentId = null;
        s.AttachedAt = null;
        s.WaitingSince = e.At;
        s.Note = e.Note;
        s.FirstResponseDue = e.At + Options.FirstResponse;
        s.NextResponseDue = null;
        await Queue(group).Enqueue(s.Queued(SessionId, assignTo: target));
        s.InQueue = true;
        AgentsLog.SessionChanged(logger, SessionId, "transferred", from);
    }

    private async Task Ended(SessionLifecycleEvent e, SessionRoutingStatus status, int? rating)
    {
        var s = state.State;
        if (s.InQueue && s.Group is { } group)
        {
            await Queue(group).Remove(SessionId, null);
        }

        if (s.AgentId is { } agentId)
        {
            await Agent(agentId).Detached(SessionId, e.At - (s.AttachedAt ?? e.At), rating);
        }

        AgentsLog.SessionChanged(logger, SessionId, status == SessionRoutingStatus.Bot ? "released" : "ended", s.AgentId);
        s.InQueue = false;
        s.Status = status;
        s.AgentId = null;
        s.AttachedAt = null;
        s.FirstResponseDue = null;
        s.NextResponseDue = null;
    }

    /// <summary>Breaches every clock that is due: alert, record, re-queue at the front, and restart that clock.</summary>
    private async Task CheckClocks()
    {
        var s = state.State;
        var now = clock.GetUtcNow();
        var breached = false;
        if (s.FirstResponseDue is { } first && first <= now)
        {
            await Breach(SlaClocks.FirstResponse, first, now);
            s.FirstResponseDue = now + Options.FirstResponse;
            breached = true;
        }

        if (s.NextResponseDue is { } next && next <= now)
        {
            await Breach(SlaClocks.NextResponse, next, now);
            s.NextResponseDue = now + Options.NextResponse;
            breached = true;
        }

        if (breached || (s.NextDue is null && s.ReminderDue is not null))
        {
            await ArmClocks();
            await state.WriteStateAsync();
        }
        else
        {
            ArmTimer();
        }
    }

    private async Task Breach(string clockName, DateTimeOffset due, DateTimeOffset now)
    {
        var s = state.State;
        var group = s.Group ?? Options.DefaultGroup;
        var record = new SlaBreach(SessionId, group, clockName, due, now, s.AgentId);
        AgentsLog.SlaBreached(logger, SessionId, group, clockName, (now - due).TotalSeconds, s.AgentId);
        AgentsTelemetry.SlaBreaches.Add(1, new KeyValuePair<string, object?>("group", group), new KeyValuePair<string, object?>("clock", clockName));
        var heldBy = s.Status == SessionRoutingStatus.Attached ? s.AgentId : null;
        await Queue(group).Breach(record, s.Queued(SessionId, heldBy: heldBy, breached: true));
        s.InQueue = true;
        s.Breaches++;
    }

    /// <summary>Matches the reminder and the timer to the clocks: a reminder while any clock runs, none otherwise.</summary>
    private async Task ArmClocks()
    {
        var s = state.State;
        if (s.NextDue is { } due)
        {
            // First tick at the deadline, then every period: re-registered only when a clock is due before the first tick.
            if (s.ReminderDue is not { } registered || due < registered)
            {
                var wait = due - clock.GetUtcNow();
                await this.RegisterOrUpdateReminder(ReminderName, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, ReminderPeriod);
                s.ReminderDue = due;
            }
        }
        else if (s.ReminderDue is not null)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            s.ReminderDue = null;
        }

        ArmTimer();
    }

    private void ArmTimer()
    {
        timer?.Dispose();
        timer = null;
        if (state.State.NextDue is { } due)
        {
            var wait = due - clock.GetUtcNow();
            timer = this.RegisterGrainTimer(_ => CheckClocks(), wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The largest of the touched orders' totals (minor units), for the priority; unknown orders count 0.</summary>
    private async Task<long> LargestOrder(IReadOnlyList<string> orderIds)
    {
        long largest = 0;
        foreach (var orderId in orderIds.Distinct(StringComparer.Ordinal).Take(OrdersLookedUp))
        {
            if (await GrainFactory.GetGrain<IOrderGrain>(orderId).Get() is { } order)
            {
                largest = Math.Max(largest, order.TotalMinor);
            }
        }

        return largest;
    }

    private IAgentQueueGrain Queue(string group) => GrainFactory.GetGrain<IAgentQueueGrain>(group);

    private IAgentGrain Agent(string agentId) => GrainFactory.GetGrain<IAgentGrain>(agentId);
}
