namespace CommerceBrain.Agents.Contracts;

/// <summary>How a manual pick went.</summary>
[GenerateSerializer]
public enum PickOutcome
{
    /// <summary>The session is now assigned to the agent.</summary>
    Assigned,
    /// <summary>The session is not waiting in this group.</summary>
    NotWaiting,
    /// <summary>The agent is not online or is at capacity.</summary>
    Unavailable,
    /// <summary>The agent is not in this group.</summary>
    NotInGroup,
}
