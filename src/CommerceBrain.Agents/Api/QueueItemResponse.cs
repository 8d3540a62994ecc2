namespace CommerceBrain.Agents.Api;

/// <summary>A session in the agent's queue: assigned ones first, then by priority.</summary>
public sealed record QueueItemResponse(string SessionId, string Group, long WaitingSeconds, string Summary, double Priority,
    bool AssignedToMe, string? Note, bool Breached);
