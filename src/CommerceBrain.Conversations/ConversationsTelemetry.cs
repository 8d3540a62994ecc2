using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Conversations;

/// <summary>The conversations module's activity source and meter ("CommerceBrain.Conversations").</summary>
public static class ConversationsTelemetry
{
    public const string Name = "CommerceBrain.Conversations";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> SessionsOpened = Meter.CreateCounter<long>("commercebrain.sessions.opened", description: "Sessions opened.");

    /// <summary>Tag on <c>commercebrain.sessions.closed</c>: whether a person ever took part (<see cref="HandledByPerson"/>) or the bot alone served the session (<see cref="HandledByBot"/>).</summary>
    public const string HandledByTag = "handled_by";

    /// <summary><see cref="HandledByTag"/> value: no hand-over and no agent action in the session.</summary>
    public const string HandledByBot = "bot";

    /// <summary><see cref="HandledByTag"/> value: the session was handed over or an agent acted on it.</summary>
    public const string HandledByPerson = "person";

    internal static readonly Counter<long> SessionsClosed = Meter.CreateCounter<long>("commercebrain.sessions.closed", description: "Sessions closed by the customer, by satisfaction and handled_by (bot or person).");

    internal static readonly Counter<long> Turns = Meter.CreateCounter<long>("commercebrain.sessions.turns", description: "Customer turns taken, by reply kind.");

    internal static readonly Counter<long> Handoffs = Meter.CreateCounter<long>("commercebrain.sessions.handoffs", description: "Sessions handed to a person, by reason.");

    internal static readonly Counter<long> AgentActions = Meter.CreateCounter<long>("commercebrain.sessions.agent_actions", description: "Agent attaches, messages, transfers, releases and resolutions (and refused attaches), by action.");

    internal static readonly Counter<long> StreamEvents = Meter.CreateCounter<long>("commercebrain.sessions.stream.events", description: "Session events sent to WebSocket followers.");

    internal static readonly Counter<long> StreamDisconnects = Meter.CreateCounter<long>("commercebrain.sessions.stream.disconnects", description: "WebSocket followers disconnected by the server, by reason.");

    internal static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("commercebrain.sessions.turn.duration", "ms",
        "Time from taking a customer message to its durable reply, inside the session grain.");
}
