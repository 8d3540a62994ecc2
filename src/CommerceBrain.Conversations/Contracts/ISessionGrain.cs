using Orleans.Concurrency;

namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// One customer-service session, keyed by session id. Every turn is appended to the transcript ledger (group commit)
/// before its reply is returned; on activation the grain rebuilds itself from the ledger.
/// Calls naming another customer than the session's owner get the same answer as an unknown session.
/// </summary>
[Alias("conversations.session")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Opens the session (idempotent for the same customer); null when the id is taken by another customer.</summary>
    [Alias("open")]
    Task<SessionView?> Open(SessionOpening opening);

    /// <summary>Takes a customer message and returns the bot's reply after the turn is durable.</summary>
    [Alias("send")]
    Task<TurnResult> Send(CustomerMessage message);

    /// <summary>The session with its transcript; null when never opened.</summary>
    [ReadOnly]
    [Alias("get")]
    Task<SessionView?> Get();

    /// <summary>Closes the session with the customer's satisfaction; null when unknown or another customer's.</summary>
    [Alias("close")]
    Task<SessionView?> Close(SessionClosing closing);
}
