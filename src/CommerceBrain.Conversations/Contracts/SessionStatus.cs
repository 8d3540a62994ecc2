namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// Who is talking to the customer. JSON (snake case): <c>active</c>, <c>waiting_for_agent</c>, <c>with_agent</c>, <c>closed</c>.
/// While waiting for or talking to a person the bot stays silent.
/// </summary>
[GenerateSerializer]
public enum SessionStatus
{
    /// <summary>The bot answers.</summary>
    Active,
    /// <summary>Escalated: queued for a person, the handoff packet is ready.</summary>
    WaitingForAgent,
    /// <summary>A person has attached to the session.</summary>
    WithAgent,
    /// <summary>Closed by the customer (with satisfaction) or by an agent.</summary>
    Closed,
}
