namespace CommerceBrain.Conversations;

/// <summary>Live session streams (grain observers, the per-silo hub, WebSockets), bound from <c>CommerceBrain:Conversations:Stream</c>.</summary>
public sealed class SessionStreamOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "CommerceBrain:Conversations:Stream";

    /// <summary>A session grain forgets an observer not renewed for this long (a silo that died without unsubscribing).</summary>
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a silo's hub renews its observers; well under <see cref="ObserverExpiry"/>.</summary>
    public TimeSpan ResubscribeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle WebSocket gets a <c>ping</c> message (and the protocol keep-alive).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Events queued for one connection; a consumer this far behind is disconnected and resumes by event id.</summary>
    public int SendBufferEvents { get; set; } = 256;

    /// <summary>Events read per backlog call when a connection catches up.</summary>
    public int BacklogPageSize { get; set; } = 200;

    /// <summary>Longest time one WebSocket send may take before the consumer counts as stalled.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After the server ends a stream normally (session closed, agent no longer attached), how long it waits for the client
    /// to answer the close frame before dropping the connection.
    /// </summary>
    public TimeSpan CloseHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
