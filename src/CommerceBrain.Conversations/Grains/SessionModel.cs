using System.Text.Json;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Policy;
using CommerceBrain.Conversations.Storage;

namespace CommerceBrain.Conversations.Grains;

/// <summary>
/// A session as its ledger rows describe it: who owns it, its status, transcript, dialogue state and the messages
/// already answered (for idempotent retries). Rebuilt by replaying rows in order; the grain applies each new row only
/// after it is committed, so this never runs ahead of the ledger.
/// </summary>
internal sealed class SessionModel
{
    private readonly List<TranscriptEntry> transcript = [];
    private readonly Dictionary<string, AnsweredMessage> answered = new(StringComparer.Ordinal);

    public SessionModel(string sessionId) => SessionId = sessionId;

    public string SessionId { get; }

    public SessionOpening? Opening { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public SessionStatus Status { get; private set; } = SessionStatus.Active;

    public DateTimeOffset? ClosedAt { get; private set; }

    public int? Satisfaction { get; private set; }

    public string? Comment { get; private set; }

    public DialogueState Dialogue { get; private set; } = DialogueState.Initial;

    public HandoffPacket? Handoff { get; private set; }

    /// <summary>The last ledger sequence number applied (0 before the session is opened).</summary>
    public long LastSeq { get; private set; }

    /// <summary>Customer turns so far.</summary>
    public int Turns { get; private set; }

    public bool IsOpened => Opening is not null;

    public static SessionModel Rebuild(string sessionId, IEnumerable<SessionEvent> rows)
    {
        var model = new SessionModel(sessionId);
        foreach (var row in rows)
        {
            model.Apply(row);
        }

        return model;
    }

    /// <summary>True when <paramref name="customerId"/> owns this (opened) session.</summary>
    public bool IsOwnedBy(string customerId) => Opening is { } o && string.Equals(o.CustomerId, customerId, StringComparison.Ordinal);

    /// <summary>The earlier answer to <paramref name="clientMessageId"/>, if there was one.</summary>
    public AnsweredMessage? Answered(string clientMessageId) =>
        answered.TryGetValue(clientMessageId, out var earlier) ? earlier : null;

    public SessionEvent OpenedRow(SessionOpening opening, DateTimeOffset at) =>
        new(SessionId, LastSeq + 1, SessionEventKind.Opened, at, opening.CustomerId,
            Data: JsonSerializer.Serialize(opening, LedgerJsonContext.Default.SessionOpening));

    /// <summary>A turn row: the masked text, and when the bot decided, its reply, the new state and any handoff.</summary>
    public SessionEvent TurnRow(string clientMessageId, string maskedText, PolicyDecision? decision, DateTimeOffset at) =>
        new(SessionId, LastSeq + 1, SessionEventKind.Turn, at, Opening!.CustomerId, clientMessageId, maskedText,
            decision is null ? null : JsonSerializer.Serialize(decision.Reply, LedgerJsonContext.Default.BotReply),
            decision is null ? null : JsonSerializer.Serialize(decision.State, LedgerJsonContext.Default.DialogueState),
            decision?.Handoff is { } packet ? JsonSerializer.Serialize(packet, LedgerJsonContext.Default.HandoffPacket) : null);

    public SessionEvent ClosedRow(int satisfaction, string? maskedComment, DateTimeOffset at) =>
        new(SessionId, LastSeq + 1, SessionEventKind.Closed, at, Opening!.CustomerId,
            Data: JsonSerializer.Serialize(new SessionClosingData(satisfaction, maskedComment), LedgerJsonContext.Default.SessionClosingData));

    /// <summary>Applies a committed row read back from the ledger.</summary>
    public void Apply(SessionEvent row)
    {
        switch (row.Kind)
        {
            case SessionEventKind.Opened:
                ApplyOpened(row, JsonSerializer.Deserialize(row.Data!, LedgerJsonContext.Default.SessionOpening)!);
                break;
            case SessionEventKind.Turn:
                ApplyTurn(
                    row,
                    row.Reply is null ? null : JsonSerializer.Deserialize(row.Reply, LedgerJsonContext.Default.BotReply),
                    row.State is null ? null : JsonSerializer.Deserialize(row.State, LedgerJsonContext.Default.DialogueState),
                    row.Data is null ? null : JsonSerializer.Deserialize(row.Data, LedgerJsonContext.Default.HandoffPacket));
                break;
            case SessionEventKind.Closed:
                var closing = JsonSerializer.Deserialize(row.Data!, LedgerJsonContext.Default.SessionClosingData)!;
                ApplyClosed(row, closing.Satisfaction, closing.Comment);
                break;
            default:
                // A newer version's event kind: skip it rather than refuse the whole session.
                LastSeq = row.Seq;
                break;
        }
    }

    public void ApplyOpened(SessionEvent row, SessionOpening opening)
    {
        Opening = opening;
        OpenedAt = row.At;
        Status = SessionStatus.Active;
        LastSeq = row.Seq;
    }

    /// <summary>Applies a committed turn row with its already parsed reply, state and handoff packet.</summary>
    public void ApplyTurn(SessionEvent row, BotReply? reply, DialogueState? state, HandoffPacket? handoff)
    {
        LastSeq = row.Seq;
        Turns++;
        var customerLine = new TranscriptEntry(transcript.Count + 1, row.At, "customer", row.Body ?? string.Empty);
        transcript.Add(customerLine);
        if (reply is not null)
        {
            transcript.Add(new TranscriptEntry(transcript.Count + 1, row.At, "bot", reply.Text, reply));
        }

        if (state is not null)
        {
            Dialogue = state;
        }

        if (handoff is not null)
        {
            Handoff = handoff;
            Status = SessionStatus.WaitingForAgent;
        }

        if (row.ClientMessageId is { } id)
        {
            answered[id] = new AnsweredMessage(row.Body ?? string.Empty, reply, customerLine.Seq);
        }
    }

    public void ApplyClosed(SessionEvent row, int satisfaction, string? comment)
    {
        LastSeq = row.Seq;
        Status = SessionStatus.Closed;
        ClosedAt = row.At;
        Satisfaction = satisfaction;
        Comment = comment;
    }

    public SessionView View() => new(
        SessionId,
        Opening!.CustomerId,
        Opening.MerchantId,
        Opening.Channel,
        Status,
        OpenedAt,
        ClosedAt,
        Satisfaction,
        Comment,
        transcript.ToArray(),
        Handoff);
}
