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

    internal static readonly Counter<long> SessionsClosed = Meter.CreateCounter<long>("commercebrain.sessions.closed", description: "Sessions closed by the customer.");

    internal static readonly Counter<long> Turns = Meter.CreateCounter<long>("commercebrain.sessions.turns", description: "Customer turns taken, by reply kind.");

    internal static readonly Counter<long> Handoffs = Meter.CreateCounter<long>("commercebrain.sessions.handoffs", description: "Sessions handed to a person, by reason.");

    internal static readonly Counter<long> AgentActions = Meter.CreateCounter<long>("commercebrain.sessions.agent_actions", description: "Agent attaches, messages, transfers, releases and resolutions (and refused attaches), by action.");

    internal static readonly Counter<long> StreamEvents = Meter.CreateCounter<long>("commercebrain.sessions.stream.events", description: "Session events sent to WebSocket followers.");

    internal static readonly Counter<long> StreamDisconnects = Meter.CreateCounter<long>("commercebrain.sessions.stream.disconnects", description: "WebSocket followers disconnected by the server, by reason.");

    internal static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("commercebrain.sessions.turn.duration", "ms",
        "Time from taking a customer message to its durable reply, inside the session grain.");
}
