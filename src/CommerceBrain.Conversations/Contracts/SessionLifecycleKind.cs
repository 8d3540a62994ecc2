namespace CommerceBrain.Conversations.Contracts;

/// <summary>What happened in a session, as told to <see cref="ISessionLifecycleListener"/>s.</summary>
[GenerateSerializer]
public enum SessionLifecycleKind
{
    /// <summary>The bot handed the session over: it waits for a person; the packet is set.</summary>
    Escalated,
    /// <summary>An agent attached (the agent id is set).</summary>
    Attached,
    /// <summary>The customer wrote while waiting for or talking to a person (starts the next-response clock).</summary>
    CustomerMessage,
    /// <summary>The attached agent wrote (stops the response clocks).</summary>
    AgentMessage,
    /// <summary>The agent passed the session to another group or agent (group or target agent set, note set).</summary>
    Transferred,
    /// <summary>The agent gave the session back to the bot.</summary>
    Released,
    /// <summary>The agent closed the session with a resolution code (in the note).</summary>
    Resolved,
    /// <summary>The customer closed the session.</summary>
    Closed,
}
