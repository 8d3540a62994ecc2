namespace CommerceBrain.Conversations.Api;

/// <summary>
/// The answer to a message: the bot's reply (null while a person has, or is about to take, the session), the session's
/// status, the message's line number in the transcript, whether this was a replay of an earlier identical message, and the
/// session event id that stored the turn (a live stream from <c>after=eventId</c> shows only what came next).
/// </summary>
public sealed record SendMessageResponse(ReplyView? Reply, string Status, long Seq, bool Replayed, long EventId = 0);
