namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// The result of a customer message: <paramref name="Reply"/> is null when the bot stays silent (a person has or is
/// about to take the session) or when the message was refused; <paramref name="Seq"/> is the customer line's sequence number,
/// <paramref name="EventId"/> the session event that stored the turn (a live stream follows on after it).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.turn-result")]
public sealed record TurnResult(
    [property: Id(0)] TurnOutcome Outcome,
    [property: Id(1)] BotReply? Reply,
    [property: Id(2)] SessionStatus Status,
    [property: Id(3)] long Seq,
    [property: Id(4)] long EventId = 0);
