namespace CommerceBrain.Conversations.Contracts;

/// <summary>What happened to an agent's message, transfer, release or resolution.</summary>
[GenerateSerializer]
public enum AgentActionOutcome
{
    /// <summary>Stored (the event id is set).</summary>
    Done,
    /// <summary>The same agent message again: the original event id, nothing new stored.</summary>
    Replayed,
    /// <summary>The agent does not hold the session; nothing changed.</summary>
    NotAttached,
    /// <summary>No such session.</summary>
    NotFound,
    /// <summary>The session is closed.</summary>
    Closed,
    /// <summary>The client message id was already used with another text.</summary>
    ClientMessageIdConflict,
}
