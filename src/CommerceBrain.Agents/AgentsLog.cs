using Microsoft.Extensions.Logging;

namespace CommerceBrain.Agents;

/// <summary>The module's log messages (ids, groups and durations only; never personal data).</summary>
internal static partial class AgentsLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Session {SessionId} queued in {Group}")]
    public static partial void Enqueued(ILogger logger, string sessionId, string group);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Session {SessionId} in {Group} assigned to agent {AgentId} ({How})")]
    public static partial void Assigned(ILogger logger, string sessionId, string group, string agentId, string how);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "SLA breach: session {SessionId} in {Group}, {Clock} clock overdue by {OverdueSeconds:0.0} s (agent {AgentId}); re-queued at the front")]
    public static partial void SlaBreached(ILogger logger, string sessionId, string group, string clock, double overdueSeconds, string? agentId);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Debug, Message = "Session {SessionId}: lifecycle event {EventId} ({Kind}) already applied; ignored")]
    public static partial void Repeated(ILogger logger, string sessionId, long eventId, string kind);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "Agent {AgentId} is {Presence} in {Groups} with capacity {Capacity}")]
    public static partial void PresenceChanged(ILogger logger, string agentId, string presence, string groups, int capacity);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "Session {SessionId} {Kind} by agent {AgentId}")]
    public static partial void SessionChanged(ILogger logger, string sessionId, string kind, string? agentId);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Warning, Message = "Draft review for session {SessionId} without order checks: looking the orders up failed")]
    public static partial void OrderLookupFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(EventId = 9008, Level = LogLevel.Warning, Message = "Queue {Group} rebuilding its roster: agent {AgentId} did not answer; it joins the roster with its next change")]
    public static partial void RosterAgentUnavailable(ILogger logger, string group, string agentId, Exception exception);

    [LoggerMessage(EventId = 9009, Level = LogLevel.Information, Message = "Queue {Group} rebuilt its roster from {Asked} agents: {Members} known, {Released} assignments no longer held")]
    public static partial void RosterRebuilt(ILogger logger, string group, int asked, int members, int released);
}
