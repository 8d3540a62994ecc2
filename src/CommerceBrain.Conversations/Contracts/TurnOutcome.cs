namespace CommerceBrain.Conversations.Contracts;

/// <summary>What happened to a <see cref="CustomerMessage"/>.</summary>
[GenerateSerializer]
public enum TurnOutcome
{
    /// <summary>A new turn: stored, and the bot replied (or stayed silent because a person has the session).</summary>
    Accepted,
    /// <summary>The same client message id with the same text again: the original reply, nothing new stored.</summary>
    Replayed,
    /// <summary>No such session, or another customer's (the same answer, so nothing is disclosed).</summary>
    NotFound,
    /// <summary>The session is closed.</summary>
    Closed,
    /// <summary>The client message id was already used with a different text.</summary>
    ClientMessageIdConflict,
    /// <summary>The session holds the most turns one session may have; the customer opens a new one.</summary>
    TooManyTurns,
}
