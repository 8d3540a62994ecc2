using System.Diagnostics;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Policy;
using CommerceBrain.Conversations.Privacy;
using CommerceBrain.Conversations.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Conversations.Grains;

/// <summary>
/// One session. Each change is a row appended to the transcript ledger; the grain answers only after the row is
/// committed and applies it to its <see cref="SessionModel"/> only then. If an append fails the grain deactivates, so
/// the next call rebuilds from whatever the ledger really holds.
/// </summary>
internal sealed partial class SessionGrain(
    SessionLedger ledger,
    IDialoguePolicy policy,
    IOptions<SessionOptions> options,
    TimeProvider time,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private SessionModel model = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        model = SessionModel.Rebuild(id, await ledger.ReadAsync(id, cancellationToken));
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
                ? new TurnResult(TurnOutcome.Replayed, earlier.Reply, model.Status, earlier.Seq)
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
            Log.HandedOff(logger, model.SessionId, handoff.Reason);
        }

        return new TurnResult(TurnOutcome.Accepted, decision?.Reply, model.Status, model.Answered(message.ClientMessageId)!.Seq);
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
        await AppendAsync(row);
        model.ApplyClosed(row, closing.Satisfaction, comment);
        ConversationsTelemetry.SessionsClosed.Add(1, new KeyValuePair<string, object?>("satisfaction", closing.Satisfaction));
        return model.View();
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

        [LoggerMessage(2, LogLevel.Information, "Session {SessionId} handed to a person: {Reason}")]
        public static partial void HandedOff(ILogger logger, string sessionId, string reason);

        [LoggerMessage(3, LogLevel.Warning, "Session {SessionId}: appending event {Seq} to the ledger failed; the grain deactivates and rebuilds from the ledger")]
        public static partial void AppendFailed(ILogger logger, string sessionId, long seq, Exception exception);
    }
}
