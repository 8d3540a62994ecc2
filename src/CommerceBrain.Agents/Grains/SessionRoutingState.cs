using CommerceBrain.Agents.Contracts;

namespace CommerceBrain.Agents.Grains;

/// <summary>Routing's persisted view of one session: the events applied, where it waits, who holds it, the clocks.</summary>
[GenerateSerializer]
[Alias("agents.session-routing-state")]
public sealed class SessionRoutingState
{
    /// <summary>Event ids kept to recognise repeats; older ones fall below <see cref="Floor"/>.</summary>
    public const int SeenKept = 256;

    [Id(0)] public HashSet<long> Seen { get; set; } = [];
    [Id(1)] public long Floor { get; set; }
    [Id(2)] public SessionRoutingStatus Status { get; set; }
    [Id(3)] public string? Group { get; set; }
    [Id(4)] public string? AgentId { get; set; }
    [Id(5)] public DateTimeOffset? AttachedAt { get; set; }
    [Id(6)] public string Summary { get; set; } = "";
    [Id(7)] public string? Segment { get; set; }
    [Id(8)] public double Sentiment { get; set; }
    [Id(9)] public long OrderValue { get; set; }
    [Id(10)] public DateTimeOffset WaitingSince { get; set; }
    [Id(11)] public string? Note { get; set; }
    [Id(12)] public DateTimeOffset? FirstResponseDue { get; set; }
    [Id(13)] public DateTimeOffset? NextResponseDue { get; set; }
    [Id(14)] public int Breaches { get; set; }
    [Id(15)] public bool InQueue { get; set; }
    /// <summary>When the registered reminder first ticks (null: none registered); it ticks every period after that.</summary>
    [Id(16)] public DateTimeOffset? ReminderDue { get; set; }

    /// <summary>Whether <paramref name="eventId"/> was applied already (or is older than anything remembered).</summary>
    public bool IsRepeat(long eventId) => eventId < Floor || Seen.Contains(eventId);

    public void MarkSeen(long eventId)
    {
        Seen.Add(eventId);
        if (Seen.Count > SeenKept)
        {
            var oldest = Seen.Min();
            Seen.Remove(oldest);
            Floor = Math.Max(Floor, oldest + 1);
        }
    }

    /// <summary>The earliest running clock, if any.</summary>
    public DateTimeOffset? NextDue =>
        (FirstResponseDue, NextResponseDue) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };

    public QueuedSession Queued(string sessionId, string? assignTo = null, string? heldBy = null, bool breached = false) =>
        new(sessionId, Summary, Segment, Sentiment, OrderValue, WaitingSince, Note, assignTo, heldBy, breached);

    public SessionRoutingView View(string sessionId) =>
        new(sessionId, Status, Group, AgentId, FirstResponseDue, NextResponseDue, Breaches);
}
