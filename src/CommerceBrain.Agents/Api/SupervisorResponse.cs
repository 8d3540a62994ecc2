namespace CommerceBrain.Agents.Api;

/// <summary>The supervisor view: every group's queue and every agent's load and figures.</summary>
public sealed record SupervisorResponse(IReadOnlyList<GroupQueueResponse> Queues, IReadOnlyList<AgentLoadResponse> Agents);

/// <summary>One group: sessions waiting, the longest wait, SLA breaches (total and the latest).</summary>
public sealed record GroupQueueResponse(string Group, int Length, int Assigned, long LongestWaitSeconds, long SlaBreaches,
    IReadOnlyList<SlaBreachResponse> RecentBreaches, IReadOnlyList<string> Agents);

/// <summary>One SLA breach.</summary>
public sealed record SlaBreachResponse(string SessionId, string Group, string Clock, DateTimeOffset DueAt, DateTimeOffset At, string? AgentId);

/// <summary>One agent: presence, load against capacity, sessions handled, mean handle time and satisfaction (1-5, null without ratings).</summary>
public sealed record AgentLoadResponse(string AgentId, string Status, IReadOnlyList<string> Groups, int Capacity, int Load, int Active,
    long Handled, double? AverageHandleSeconds, double? Satisfaction, long Ratings);
