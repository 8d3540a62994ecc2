namespace CommerceBrain.Conversations.Contracts;

/// <summary>What happened to an <see cref="AgentAttach"/>.</summary>
[GenerateSerializer]
public enum AttachOutcome
{
    /// <summary>The agent holds the session now (also when it already did: attaching again is idempotent).</summary>
    Attached,
    /// <summary>Another agent holds the session; nothing changed.</summary>
    HeldByOther,
    /// <summary>No such session.</summary>
    NotFound,
    /// <summary>The session is closed.</summary>
    Closed,
}
