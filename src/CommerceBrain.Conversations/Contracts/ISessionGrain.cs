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

    /// <summary>
    /// Up to <paramref name="max"/> committed events with ids above <paramref name="afterId"/>, in id order (empty for an
    /// unknown session). A live follower subscribes first, then reads this backlog, and drops ids it already has.
    /// </summary>
    [ReadOnly]
    [Alias("events-since")]
    Task<IReadOnlyList<SessionStreamEvent>> EventsSince(long afterId, int max);

    /// <summary>
    /// An agent takes the session (active or waiting for a person). Exactly one agent holds it: another agent gets
    /// <see cref="AttachOutcome.HeldByOther"/>; the same agent again gets the same answer without a new event.
    /// </summary>
    [Alias("attach")]
    Task<AttachResult> Attach(AgentAttach attach);

    /// <summary>The attached agent writes to the customer (idempotent by client message id; card numbers masked).</summary>
    [Alias("agent-send")]
    Task<AgentActionResult> AgentSend(AgentMessage message);

    /// <summary>The attached agent passes the session to a group or agent with a note; it waits for a person again.</summary>
    [Alias("transfer")]
    Task<AgentActionResult> Transfer(AgentTransfer transfer);

    /// <summary>The attached agent gives the session back to the bot.</summary>
    [Alias("release")]
    Task<AgentActionResult> Release(string agentId);

    /// <summary>The attached agent closes the session with <paramref name="resolutionCode"/>.</summary>
    [Alias("resolve")]
    Task<AgentActionResult> Resolve(string agentId, string resolutionCode);

    /// <summary>
    /// Follows the session live and returns the last event id now; the subscription expires unless renewed (call again
    /// periodically), so a follower that vanished without unsubscribing costs nothing for long. A follower whose last
    /// delivered id is below the returned one missed events (the grain was reactivated) and reads them with <see cref="EventsSince"/>.
    /// </summary>
    [Alias("subscribe")]
    Task<long> Subscribe(ISessionObserver observer);

    /// <summary>Stops following the session.</summary>
    [Alias("unsubscribe")]
    Task Unsubscribe(ISessionObserver observer);
}
