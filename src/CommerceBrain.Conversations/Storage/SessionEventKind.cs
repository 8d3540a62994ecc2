namespace CommerceBrain.Conversations.Storage;

/// <summary>The kinds of rows in the transcript ledger (column <c>kind</c>).</summary>
internal static class SessionEventKind
{
    /// <summary>The session was opened; <c>data</c> holds the <see cref="Contracts.SessionOpening"/>.</summary>
    public const string Opened = "opened";

    /// <summary>A customer message with the bot's reply (none while a person has the session) and the new dialogue state;
    /// <c>data</c> holds the handoff packet when the turn escalated.</summary>
    public const string Turn = "turn";

    /// <summary>The session was closed; <c>data</c> holds satisfaction and comment.</summary>
    public const string Closed = "closed";
}
