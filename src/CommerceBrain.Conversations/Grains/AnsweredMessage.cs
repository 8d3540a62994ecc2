using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Grains;

/// <summary>A customer message already taken: its masked text, the reply it got (null if the bot was silent) and its line.</summary>
internal sealed record AnsweredMessage(string MaskedText, BotReply? Reply, long Seq, long EventId = 0);
