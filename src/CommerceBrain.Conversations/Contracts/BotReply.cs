namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// The bot's reply to one customer message: text, kind, the intent it acted on with its confidence, quick-reply
/// <paramref name="Choices"/> (clarifications, form options) and order <paramref name="Cards"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.bot-reply")]
public sealed record BotReply(
    [property: Id(0)] string Text,
    [property: Id(1)] ReplyKind Kind,
    [property: Id(2)] string Intent,
    [property: Id(3)] float Confidence,
    [property: Id(4)] IReadOnlyList<ReplyChoice>? Choices = null,
    [property: Id(5)] IReadOnlyList<OrderCard>? Cards = null);
