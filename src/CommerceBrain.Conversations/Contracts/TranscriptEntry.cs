namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// One line of a session's transcript, in order (<paramref name="Seq"/> grows by one per line). <paramref name="Author"/>
/// is <c>customer</c>, <c>bot</c>, <c>agent</c> or <c>system</c>; personal data in <paramref name="Text"/> is masked.
/// Bot lines carry the whole <paramref name="Reply"/> so a page can render them again. <paramref name="EventId"/> is the
/// session's ledger event id that added the line (several lines can share one event: a customer turn and the bot's reply).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.transcript-entry")]
public sealed record TranscriptEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Author,
    [property: Id(3)] string Text,
    [property: Id(4)] BotReply? Reply = null,
    [property: Id(5)] long EventId = 0);
