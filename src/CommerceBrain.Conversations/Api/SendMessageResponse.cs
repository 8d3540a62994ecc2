namespace CommerceBrain.Conversations.Api;

/// <summary>
/// The answer to a message: the bot's reply (null while a person has, or is about to take, the session), the session's
/// status, the message's line number in the transcript and whether this was a replay of an earlier identical message.
/// </summary>
public sealed record SendMessageResponse(ReplyView? Reply, string Status, long Seq, bool Replayed);
