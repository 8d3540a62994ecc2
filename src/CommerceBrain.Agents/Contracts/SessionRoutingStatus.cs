namespace CommerceBrain.Agents.Contracts;

/// <summary>Where a session stands for routing.</summary>
[GenerateSerializer]
public enum SessionRoutingStatus
{
    /// <summary>With the bot (never escalated, or released back).</summary>
    Bot,
    /// <summary>Waiting in a group's queue for a person.</summary>
    Waiting,
    /// <summary>An agent is attached.</summary>
    Attached,
    /// <summary>Resolved or closed.</summary>
    Ended,
}
