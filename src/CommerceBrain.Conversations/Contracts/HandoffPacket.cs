namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// Everything a person needs when the bot hands a session over, so the customer never repeats themselves.
/// <paramref name="Summary"/> is the one line an agent reads first. <paramref name="Sentiment"/> is the recent average in
/// [-1, 1] (negative = unhappy), <paramref name="SentimentTrend"/> its change over the last turns.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.handoff-packet")]
public sealed record HandoffPacket(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string? CustomerName,
    [property: Id(3)] string? CustomerSegment,
    [property: Id(4)] string? MerchantId,
    [property: Id(5)] string Channel,
    [property: Id(6)] string Reason,
    [property: Id(7)] string Summary,
    [property: Id(8)] IReadOnlyList<string> Intents,
    [property: Id(9)] IReadOnlyDictionary<string, string> Slots,
    [property: Id(10)] IReadOnlyList<string> OrdersTouched,
    [property: Id(11)] float Sentiment,
    [property: Id(12)] float SentimentTrend,
    [property: Id(13)] IReadOnlyList<string> BotAnswers,
    [property: Id(14)] string Language,
    [property: Id(15)] DateTimeOffset At);
