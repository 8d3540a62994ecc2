using System.Diagnostics;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Policy;
using CommerceBrain.Conversations.Privacy;
using CommerceBrain.Conversations.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace CommerceBrain.Conversations.Grains;

/// <summary>
/// One session. Each change is a row appended to the transcript ledger; the grain answers only after the row is
/// committed and applies it to its <see cref="SessionModel"/> only then. If an append fails the grain deactivates, so
/// the next call rebuilds from whatever the ledger really holds. After a commit the grain tells its live followers
/// (grain observers, one per silo hub) and the lifecycle listeners (in commit order, off the grain's turn so a listener
/// may call back into this grain).
/// </summary>
internal sealed partial class SessionGrain(
    SessionLedger ledger,
    IDialoguePolicy policy,
    IOptions<SessionOptions> options,
    IOptions<SessionStreamOptions> streamOptions,
    IEnumerable<ISessionLifecycleListener> lifecycleListeners,
    TimeProvider time,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private readonly ISessionLifecycleListener[] listeners = lifecycleListeners.ToArray();
    private SessionModel model = null!;
    private ObserverManager<ISessionObserver> observers = null!;
    private Task listenerChain = Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        observers = new ObserverManager<ISessionObserver>(streamOptions.Value.ObserverExpiry, logger);
        model = SessionModel.Rebuild(id, await ledger.ReadAsync(id, cancellationToken));
        if (model.Status == SessionStatus.WaitingForAgent)
        {
            // The listeners may have missed the escalation (a crash between commit and call): say it again, same event id.
            Announce(WaitingEvent(SessionLifecycleKind.Escalated, model.WaitingSinceEventId, model.WaitingSince));
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await listenerChain.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: a listener still running is told again on the next activation only if the session waits.
        }
    }

    public async Task<SessionView?> Open(SessionOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        if (model.IsOpened)
        {
            return model.IsOwnedBy(opening.CustomerId) ? model.View() : null;
        }

        var row = model.OpenedRow(opening, time.GetUtcNow());
        await AppendAsync(row);
        model.ApplyOpened(row, opening);
        await PublishAsync();
        ConversationsTelemetry.SessionsOpened.Add(1, new KeyValuePair<string, object?>("channel", opening.Channel));
        Log.Opened(logger, model.SessionId, opening.Channel, opening.MerchantId);
        return model.View();
    }

    public async Task<TurnResult> Send(CustomerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!model.IsOwnedBy(message.CustomerId))
        {
            return new TurnResult(TurnOutcome.NotFound, null, SessionStatus.Active, 0);
        }

        var masked = PersonalDataMasker.Mask(message.Text);
        if (model.Answered(message.ClientMessageId) is { } earlier)
        {
            return string.Equals(earlier.MaskedText, masked, StringComparison.Ordinal)
                ? new TurnResult(TurnOutcome.Replayed, earlier.Reply, model.Status, earlier.Seq, earlier.EventId)
                : new TurnResult(TurnOutcome.ClientMessageIdConflict, null, model.Status, earlier.Seq);
        }

        if (model.Status == SessionStatus.Closed)
        {
            return new TurnResult(TurnOutcome.Closed, null, model.Status, 0);
        }

        if (model.Turns >= options.Value.MaxTurnsPerSession)
        {
            return new TurnResult(TurnOutcome.TooManyTurns, null, model.Status, 0);
        }

        var started = Stopwatch.GetTimestamp();
        PolicyDecision? decision = null;
        if (model.Status == SessionStatus.Active)
        {
            var opening = model.Opening!;
            var context = new DialogueContext(model.SessionId, opening.CustomerId, opening.MerchantId, opening.Channel,
                $"{model.SessionId}:{message.ClientMessageId}", time.GetUtcNow());
            decision = await policy.DecideAsync(context, model.Dialogue, message.Text, CancellationToken.None);
        }

        var row = model.TurnRow(message.ClientMessageId, masked, decision, time.GetUtcNow());
        await AppendAsync(row);
        model.ApplyTurn(row, decision?.Reply, decision?.State, decision?.Handoff);

        var kind = decision?.Reply.Kind.ToString() ?? "silent";
        ConversationsTelemetry.Turns.Add(1, new KeyValuePair<string, object?>("kind", kind));
        ConversationsTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("kind", kind));
        if (decision?.Handoff is { } handoff)
        {
            ConversationsTelemetry.Handoffs.Add(1, new KeyValuePair<string, object?>("reason", handoff.Reason));
            Log.HandedOff(logger, model.SessionId, handoff.Reason, model.WaitingGroup);
            Announce(WaitingEvent(SessionLifecycleKind.Escalated, row.Seq, row.At));
        }
        else if (model.Status is SessionStatus.WaitingForAgent or SessionStatus.WithAgent)
        {
            Announce(Lifecycle(SessionLifecycleKind.CustomerMessage, row, model.AgentId));
        }

        await PublishAsync();

        return new TurnResult(TurnOutcome.Accepted, decision?.Reply, model.Status, model.Answered(message.ClientMessageId)!.Seq, row.Seq);
    }

    public Task<SessionView?> Get() => Task.FromResult(model.IsOpened ? model.View() : null);

    public async Task<SessionView?> Close(SessionClosing closing)
    {
        ArgumentNullException.ThrowIfNull(closing);
        if (!model.IsOwnedBy(closing.CustomerId))
        {
            return null;
        }

        if (model.Status == SessionStatus.Closed)
        {
            return model.View();
        }

        var comment = closing.Comment is null ? null : PersonalDataMasker.Mask(closing.Comment);
        var row = model.ClosedRow(closing.Satisfaction, comment, time.GetUtcNow());
        var agent = model.AgentId;
        await AppendAsync(row);
        model.ApplyClosed(row, closing.Satisfaction, comment);
        Announce(Lifecycle(SessionLifecycleKind.Closed, row, agent));
        await PublishAsync();
        ConversationsTelemetry.SessionsClosed.Add(1, new KeyValuePair<string, object?>("satisfaction", closing.Satisfaction),
            new KeyValuePair<string, object?>(ConversationsTelemetry.HandledByTag, model.HadPerson ? ConversationsTelemetry.HandledByPerson : ConversationsTelemetry.HandledByBot));
        return model.View();
    }

    public Task<IReadOnlyList<SessionStreamEvent>> EventsSince(long afterId, int max) =>
        Task.FromResult(model.IsOpened ? model.EventsSince(afterId, max) : (IReadOnlyList<SessionStreamEvent>)[]);

    public async Task<AttachResult> Attach(AgentAttach attach)
    {
        ArgumentNullException.ThrowIfNull(attach);
        if (!model.IsOpened)
        {
            return new AttachResult(AttachOutcome.NotFound, SessionStatus.Active, null, [], 0);
        }

        if (model.Status == SessionStatus.Closed)
        {
            return new AttachResult(AttachOutcome.Closed, model.Status, null, [], model.LastSeq);
        }

        if (model.AgentId is { } holder && !string.Equals(holder, attach.AgentId, StringComparison.Ordinal))
        {
            ConversationsTelemetry.AgentActions.Add(1, new KeyValuePair<string, object?>("action", "attach_refused"));
            return new AttachResult(AttachOutcome.HeldByOther, model.Status, null, [], model.LastSeq, holder);
        }

        if (model.AgentId is null)
        {
            var row = model.AgentRow(SessionEventKind.Attached, new AgentEventData(attach.AgentId, attach.DisplayName), time.GetUtcNow());
            await AppendAsync(row);
            model.Apply(row);
            ConversationsTelemetry.AgentActions.Add(1, new KeyValuePair<string, object?>("action", "attach"));
            Log.Attached(logger, model.SessionId, attach.AgentId);
            Announce(Lifecycle(SessionLifecycleKind.Attached, row, attach.AgentId));
            await PublishAsync();
        }

        return new AttachResult(AttachOutcome.Attached, model.Status, model.Handoff, model.Transcript(), model.LastSeq);
    }

    public async Task<AgentActionResult> AgentSend(AgentMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var masked = PersonalDataMasker.MaskCards(message.Text);
        if (model.IsOpened && model.AgentMessageSent(message.ClientMessageId) is { } earlier)
        {
            return string.Equals(earlier.MaskedText, masked, StringComparison.Ordinal)
                ? new AgentActionResult(AgentActionOutcome.Replayed, model.Status, earlier.EventId)
                : new AgentActionResult(AgentActionOutcome.ClientMessageIdConflict, model.Status, earlier.EventId);
        }

        if (Refusal(message.AgentId) is { } refused)
        {
            return refused;
        }

        var row = model.AgentRow(SessionEventKind.AgentMessage, new AgentEventData(message.AgentId,
                Warnings: message.Warnings is { Count: > 0 } warnings ? warnings : null, ReasonCode: message.ReasonCode),
            time.GetUtcNow(), message.ClientMessageId, masked);
        return await CommitAgentAsync(row, SessionLifecycleKind.AgentMessage, message.AgentId);
    }

    public async Task<AgentActionResult> Transfer(AgentTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        if (Refusal(transfer.AgentId) is { } refused)
        {
            return refused;
        }

        var row = model.AgentRow(SessionEventKind.Transferred,
            new AgentEventData(transfer.AgentId, Group: transfer.Group, TargetAgentId: transfer.TargetAgentId, Note: transfer.Note),
            time.GetUtcNow());
        return await CommitAgentAsync(row, SessionLifecycleKind.Transferred, transfer.AgentId);
    }

    public async Task<AgentActionResult> Release(string agentId)
    {
        if (Refusal(agentId) is { } refused)
        {
            return refused;
        }

        var row = model.AgentRow(SessionEventKind.Released, new AgentEventData(agentId), time.GetUtcNow());
        return await CommitAgentAsync(row, SessionLifecycleKind.Released, agentId);
    }

    public async Task<AgentActionResult> Resolve(string agentId, string resolutionCode)
    {
        if (Refusal(agentId) is { } refused)
        {
            return refused;
        }

        var row = model.AgentRow(SessionEventKind.Resolved, new AgentEventData(agentId, ResolutionCode: resolutionCode), time.GetUtcNow());
        return await CommitAgentAsync(row, SessionLifecycleKind.Resolved, agentId);
    }

    public Task<long> Subscribe(ISessionObserver observer)
    {
        observers.ClearExpired();
        observers.Subscribe(observer, observer);
        return Task.FromResult(model.LastSeq);
    }

    public Task Unsubscribe(ISessionObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private AgentActionResult? Refusal(string agentId)
    {
        if (!model.IsOpened)
        {
            return new AgentActionResult(AgentActionOutcome.NotFound, SessionStatus.Active, 0);
        }

        if (model.Status == SessionStatus.Closed)
        {
            return new AgentActionResult(AgentActionOutcome.Closed, model.Status, 0);
        }

        return string.Equals(model.AgentId, agentId, StringComparison.Ordinal)
            ? null
            : new AgentActionResult(AgentActionOutcome.NotAttached, model.Status, 0);
    }

    private async Task<AgentActionResult> CommitAgentAsync(SessionEvent row, SessionLifecycleKind kind, string agentId)
    {
        await AppendAsync(row);
        model.Apply(row);
        ConversationsTelemetry.AgentActions.Add(1, new KeyValuePair<string, object?>("action", row.Kind));
        var published = model.LastEvent;
        Announce(kind == SessionLifecycleKind.Transferred
            ? WaitingEvent(kind, row.Seq, row.At) with { AgentId = agentId }
            : Lifecycle(kind, row, agentId, note: kind == SessionLifecycleKind.Resolved ? published.Note : null));
        await PublishAsync();
        return new AgentActionResult(AgentActionOutcome.Done, model.Status, row.Seq);
    }

    private SessionLifecycleEvent Lifecycle(SessionLifecycleKind kind, SessionEvent row, string? agentId, string? note = null) =>
        new(model.SessionId, model.Opening!.CustomerId, kind, row.Seq, row.At, agentId, null, null, note);

    /// <summary>An event about the session waiting for a person: the packet, the group, and for a transfer the target agent and note.</summary>
    private SessionLifecycleEvent WaitingEvent(SessionLifecycleKind kind, long eventId, DateTimeOffset at) =>
        new(model.SessionId, model.Opening!.CustomerId, kind, eventId, at, model.WaitingForAgentId, model.Handoff,
            model.WaitingGroup, model.TransferNote);

    /// <summary>Tells the live followers about the event just applied; a follower that fails is dropped by the manager.</summary>
    private Task PublishAsync()
    {
        if (observers.Count == 0)
        {
            return Task.CompletedTask;
        }

        var published = model.LastEvent;
        return observers.Notify(o => o.OnSessionEvent(published));
    }

    /// <summary>Queues <paramref name="lifecycleEvent"/> for the listeners, after those before it, outside this grain's turn.</summary>
    private void Announce(SessionLifecycleEvent lifecycleEvent)
    {
        if (listeners.Length == 0)
        {
            return;
        }

        var previous = listenerChain;
        var settings = options.Value;
        listenerChain = Task.Run(async () =>
        {
            await previous;
            foreach (var listener in listeners)
            {
                await TellAsync(listener, lifecycleEvent, settings);
            }
        });
    }

    // Listeners are idempotent by event id, so a failed call is simply made again, with backoff: an escalation lost to a
    // busy queue grain would otherwise leave the customer waiting for nobody. Later events wait, keeping commit order.
    private async Task TellAsync(ISessionLifecycleListener listener, SessionLifecycleEvent lifecycleEvent, SessionOptions settings)
    {
        var delay = settings.ListenerRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await listener.OnSessionEventAsync(lifecycleEvent, CancellationToken.None);
                return;
            }
            catch (Exception ex)
            {
                Log.ListenerFailed(logger, lifecycleEvent.SessionId, lifecycleEvent.EventId, lifecycleEvent.Kind, listener.GetType().Name,
                    attempt, ex);
                if (attempt >= settings.ListenerMaxAttempts)
                {
                    return;
                }
            }

            await Task.Delay(delay, time);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.ListenerMaxRetryDelay.Ticks));
        }
    }

    private async Task AppendAsync(SessionEvent row)
    {
        try
        {
            await ledger.AppendAsync(row);
        }
        catch (Exception ex)
        {
            // Whether the row committed is unknown: rebuild from the ledger on the next call instead of guessing.
            Log.AppendFailed(logger, model.SessionId, row.Seq, ex);
            DeactivateOnIdle();
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Session {SessionId} opened on {Channel} (merchant {MerchantId})")]
        public static partial void Opened(ILogger logger, string sessionId, string channel, string? merchantId);

        [LoggerMessage(2, LogLevel.Information, "Session {SessionId} handed to a person: {Reason}, group {Group}")]
        public static partial void HandedOff(ILogger logger, string sessionId, string reason, string? group);

        [LoggerMessage(3, LogLevel.Warning, "Session {SessionId}: appending event {Seq} to the ledger failed; the grain deactivates and rebuilds from the ledger")]
        public static partial void AppendFailed(ILogger logger, string sessionId, long seq, Exception exception);

        [LoggerMessage(4, LogLevel.Information, "Session {SessionId}: agent {AgentId} attached")]
        public static partial void Attached(ILogger logger, string sessionId, string agentId);

        [LoggerMessage(5, LogLevel.Warning, "Session {SessionId}: lifecycle listener {Listener} failed on event {EventId} ({Kind}), attempt {Attempt}")]
        public static partial void ListenerFailed(ILogger logger, string sessionId, long eventId, SessionLifecycleKind kind, string listener,
            int attempt, Exception exception);
    }
}
