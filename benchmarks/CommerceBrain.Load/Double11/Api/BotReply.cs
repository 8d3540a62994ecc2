namespace CommerceBrain.Load.Double11.Api;

/// <summary>The bot's reply to a customer message (null while a person has the session).</summary>
public sealed record BotReply(string Text, string Kind, string? Intent, IReadOnlyList<ReplyChoice>? Choices, IReadOnlyList<OrderCard>? Cards);
