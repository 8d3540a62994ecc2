using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Tests.Grains;

/// <summary>Builds session lifecycle events as the session grain would send them (ids grow per session).</summary>
internal sealed class Events(string sessionId, string customerId = "cust-1")
{
    private long nextId;

    public string SessionId => sessionId;

    public SessionLifecycleEvent Escalated(string? group, string? segment = "regular", float sentiment = 0) =>
        Next(SessionLifecycleKind.Escalated, group: group, packet: new HandoffPacket(sessionId, customerId, null, segment, null, "web", "requested",
            $"Customer asks about {sessionId}", ["human_agent"], new Dictionary<string, string>(), [], sentiment, 0, [], "en", DateTimeOffset.UtcNow));

    public SessionLifecycleEvent Attached(string agentId) => Next(SessionLifecycleKind.Attached, agentId: agentId);

    public SessionLifecycleEvent CustomerMessage() => Next(SessionLifecycleKind.CustomerMessage);

    public SessionLifecycleEvent AgentMessage(string agentId) => Next(SessionLifecycleKind.AgentMessage, agentId: agentId);

    public SessionLifecycleEvent Transferred(string? group, string? targetAgent, string note) =>
        Next(SessionLifecycleKind.Transferred, agentId: targetAgent, group: group, note: note);

    public SessionLifecycleEvent Released() => Next(SessionLifecycleKind.Released);

    public SessionLifecycleEvent Closed(string? note = null) => Next(SessionLifecycleKind.Closed, note: note);

    private SessionLifecycleEvent Next(SessionLifecycleKind kind, string? agentId = null, string? group = null, HandoffPacket? packet = null, string? note = null) =>
        new(sessionId, customerId, kind, ++nextId, DateTimeOffset.UtcNow, agentId, packet, group, note);
}
