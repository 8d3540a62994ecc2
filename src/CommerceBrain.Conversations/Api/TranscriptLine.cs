namespace CommerceBrain.Conversations.Api;

/// <summary>One transcript line: <c>author</c> is <c>customer</c>, <c>bot</c>, <c>agent</c> or <c>system</c>; personal data masked; <c>eventId</c> is the session event that added it.</summary>
public sealed record TranscriptLine(long Seq, DateTimeOffset At, string Author, string Text, ReplyView? Reply, long EventId = 0);
