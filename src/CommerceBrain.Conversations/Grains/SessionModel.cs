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
    private readonly Dictionary<string, (string MaskedText, long EventId)> agentMessages = new(StringComparer.Ordinal);
    private readonly List<SessionStreamEvent> events = [];
    private readonly List<AgentMessageWarnings> warnings = [];

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

    /// <summary>The agent holding the session (status <see cref="SessionStatus.WithAgent"/>), else null.</summary>
    public string? AgentId { get; private set; }

    public string? AgentName { get; private set; }

    /// <summary>The group the session waits in (routed on escalation, or chosen by a transfer).</summary>
    public string? WaitingGroup { get; private set; }

    /// <summary>The agent a transfer named, while the session waits for them.</summary>
    public string? WaitingForAgentId { get; private set; }

    /// <summary>The note of the last transfer.</summary>
    public string? TransferNote { get; private set; }

    /// <summary>The event that put the session in the waiting state (escalation or transfer), for re-announcing it.</summary>
    public long WaitingSinceEventId { get; private set; }

    public DateTimeOffset WaitingSince { get; private set; }

    public string? Resolution { get; private set; }

    /// <summary>Whether a person ever took part: the session was handed over or an agent acted on it (the automation rate's denominator split).</summary>
    public bool HadPerson { get; private set; }

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

    /// <summary>A row for an agent action of <paramref name="kind"/> (see <see cref="SessionEventKind"/>).</summary>
    public SessionEvent AgentRow(string kind, AgentEventData data, DateTimeOffset at, string? clientMessageId = null, string? maskedText = null) =>
        new(SessionId, LastSeq + 1, kind, at, Opening!.CustomerId, clientMessageId, maskedText,
            Data: JsonSerializer.Serialize(data, LedgerJsonContext.Default.AgentEventData));

    /// <summary>The earlier agent message with <paramref name="clientMessageId"/>: its masked text and event id.</summary>
    public (string MaskedText, long EventId)? AgentMessageSent(string clientMessageId) =>
        agentMessages.TryGetValue(clientMessageId, out var earlier) ? earlier : null;

    /// <summary>Up to <paramref name="max"/> events with ids above <paramref name="afterId"/>.</summary>
    public IReadOnlyList<SessionStreamEvent> EventsSince(long afterId, int max)
    {
        // Event ids are the ledger's seq: 1, 2, 3... with one event per row, so the index is the id minus one.
        var start = (int)Math.Clamp(afterId, 0, events.Count);
        var count = Math.Clamp(events.Count - start, 0, Math.Max(0, max));
        return events.GetRange(start, count);
    }

    /// <summary>The newest event (after applying a row, the one it made).</summary>
    public SessionStreamEvent LastEvent => events[^1];

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
            case SessionEventKind.Attached:
            case SessionEventKind.AgentMessage:
            case SessionEventKind.Transferred:
            case SessionEventKind.Released:
            case SessionEventKind.Resolved:
                ApplyAgent(row, JsonSerializer.Deserialize(row.Data!, LedgerJsonContext.Default.AgentEventData)!);
                break;
            default:
                // A newer version's event kind: skip it rather than refuse the whole session (an empty event keeps ids dense).
                LastSeq = row.Seq;
                AddEvent(row, []);
                break;
        }
    }

    public void ApplyOpened(SessionEvent row, SessionOpening opening)
    {
        Opening = opening;
        OpenedAt = row.At;
        Status = SessionStatus.Active;
        LastSeq = row.Seq;
        AddEvent(row, []);
    }

    /// <summary>Applies a committed turn row with its already parsed reply, state and handoff packet.</summary>
    public void ApplyTurn(SessionEvent row, BotReply? reply, DialogueState? state, HandoffPacket? handoff)
    {
        LastSeq = row.Seq;
        Turns++;
        var customerLine = new TranscriptEntry(transcript.Count + 1, row.At, "customer", row.Body ?? string.Empty, EventId: row.Seq);
        transcript.Add(customerLine);
        var lines = new List<TranscriptEntry>(2) { customerLine };
        if (reply is not null)
        {
            var botLine = new TranscriptEntry(transcript.Count + 1, row.At, "bot", reply.Text, reply, row.Seq);
            transcript.Add(botLine);
            lines.Add(botLine);
        }

        if (state is not null)
        {
            Dialogue = state;
        }

        if (handoff is not null)
        {
            Handoff = handoff;
            HadPerson = true;
            Status = SessionStatus.WaitingForAgent;
            WaitingGroup = EscalationGroups.For(handoff);
            WaitingForAgentId = null;
            WaitingSinceEventId = row.Seq;
            WaitingSince = row.At;
        }

        if (row.ClientMessageId is { } id)
        {
            answered[id] = new AnsweredMessage(row.Body ?? string.Empty, reply, customerLine.Seq, row.Seq);
        }

        AddEvent(row, lines, group: handoff is null ? null : WaitingGroup);
    }

    /// <summary>Applies a committed agent row (attach, message, transfer, release, resolve).</summary>
    public void ApplyAgent(SessionEvent row, AgentEventData data)
    {
        LastSeq = row.Seq;
        HadPerson = true;
        string? systemText = null;
        TranscriptEntry? agentLine = null;
        string? note = null;
        string? group = null;
        switch (row.Kind)
        {
            case SessionEventKind.Attached:
                AgentId = data.AgentId;
                AgentName = data.AgentName;
                Status = SessionStatus.WithAgent;
                WaitingForAgentId = null;
                systemText = $"{data.AgentName} joined the conversation.";
                break;
            case SessionEventKind.AgentMessage:
                agentLine = new TranscriptEntry(transcript.Count + 1, row.At, "agent", row.Body ?? string.Empty, EventId: row.Seq);
                if (row.ClientMessageId is { } id)
                {
                    agentMessages[id] = (row.Body ?? string.Empty, row.Seq);
                }

                if (data.Warnings is { Count: > 0 } raised)
                {
                    warnings.Add(new AgentMessageWarnings(row.Seq, data.AgentId, raised));
                }

                break;
            case SessionEventKind.Transferred:
                AgentId = null;
                AgentName = null;
                Status = SessionStatus.WaitingForAgent;
                WaitingGroup = data.Group ?? WaitingGroup;
                WaitingForAgentId = data.TargetAgentId;
                TransferNote = data.Note;
                WaitingSinceEventId = row.Seq;
                WaitingSince = row.At;
                note = data.Note;
                group = WaitingGroup;
                systemText = "You are being transferred to a colleague who can help further.";
                break;
            case SessionEventKind.Released:
                AgentId = null;
                AgentName = null;
                Status = SessionStatus.Active;
                systemText = "The assistant is back to help you.";
                break;
            case SessionEventKind.Resolved:
                AgentId = null;
                AgentName = null;
                Status = SessionStatus.Closed;
                ClosedAt = row.At;
                Resolution = data.ResolutionCode;
                note = data.ResolutionCode;
                systemText = "The conversation was resolved. Thank you!";
                break;
        }

        var lines = new List<TranscriptEntry>(1);
        if (agentLine is not null)
        {
            transcript.Add(agentLine);
            lines.Add(agentLine);
        }

        if (systemText is not null)
        {
            var line = new TranscriptEntry(transcript.Count + 1, row.At, "system", systemText, EventId: row.Seq);
            transcript.Add(line);
            lines.Add(line);
        }

        events.Add(new SessionStreamEvent(SessionId, row.Seq, row.At, row.Kind, Status, lines, data.AgentId,
            data.AgentName ?? (row.Kind == SessionEventKind.AgentMessage ? AgentName : null), group, note));
    }

    private void AddEvent(SessionEvent row, IReadOnlyList<TranscriptEntry> lines, string? group = null) =>
        events.Add(new SessionStreamEvent(SessionId, row.Seq, row.At, row.Kind, Status, lines, Group: group));

    public void ApplyClosed(SessionEvent row, int satisfaction, string? comment)
    {
        LastSeq = row.Seq;
        Status = SessionStatus.Closed;
        ClosedAt = row.At;
        Satisfaction = satisfaction;
        Comment = comment;
        AgentId = null;
        AgentName = null;
        AddEvent(row, []);
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
        Handoff,
        LastSeq,
        AgentId,
        AgentName,
        Resolution,
        warnings.ToArray());

    /// <summary>The whole transcript (a copy).</summary>
    public IReadOnlyList<TranscriptEntry> Transcript() => transcript.ToArray();
}
