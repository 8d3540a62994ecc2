namespace CommerceBrain.Conversations.Contracts;

/// <summary>The <see cref="SessionStreamEvent.Kind"/> values (also the ledger's row kinds).</summary>
public static class SessionStreamKinds
{
    /// <summary>The customer opened the session.</summary>
    public const string Opened = "opened";

    /// <summary>A customer message, with the bot's reply while the bot has the session.</summary>
    public const string Turn = "turn";

    /// <summary>The customer closed the session.</summary>
    public const string Closed = "closed";

    /// <summary>An agent attached.</summary>
    public const string Attached = "attached";

    /// <summary>The attached agent wrote to the customer.</summary>
    public const string AgentMessage = "agent_message";

    /// <summary>The agent passed the session to a group or another agent; it waits for a person again.</summary>
    public const string Transferred = "transferred";

    /// <summary>The agent gave the session back to the bot.</summary>
    public const string Released = "released";

    /// <summary>The agent closed the session with a resolution code.</summary>
    public const string Resolved = "resolved";
}
