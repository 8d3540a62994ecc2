using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Storage;

/// <summary>The kinds of rows in the transcript ledger (column <c>kind</c>); the same names as <see cref="SessionStreamKinds"/>.</summary>
internal static class SessionEventKind
{
    /// <summary>The session was opened; <c>data</c> holds the <see cref="Contracts.SessionOpening"/>.</summary>
    public const string Opened = SessionStreamKinds.Opened;

    /// <summary>A customer message with the bot's reply (none while a person has the session) and the new dialogue state;
    /// <c>data</c> holds the handoff packet when the turn escalated.</summary>
    public const string Turn = SessionStreamKinds.Turn;

    /// <summary>The session was closed; <c>data</c> holds satisfaction and comment.</summary>
    public const string Closed = SessionStreamKinds.Closed;

    /// <summary>An agent attached; <c>data</c> holds an <see cref="AgentEventData"/> with the agent's id and name.</summary>
    public const string Attached = SessionStreamKinds.Attached;

    /// <summary>The attached agent wrote; <c>body</c> is the masked text, <c>client_message_id</c> the agent's id for it.</summary>
    public const string AgentMessage = SessionStreamKinds.AgentMessage;

    /// <summary>The agent passed the session on; <c>data</c> holds the group or target agent and the note.</summary>
    public const string Transferred = SessionStreamKinds.Transferred;

    /// <summary>The agent gave the session back to the bot.</summary>
    public const string Released = SessionStreamKinds.Released;

    /// <summary>The agent closed the session; <c>data</c> holds the resolution code.</summary>
    public const string Resolved = SessionStreamKinds.Resolved;
}
