namespace CommerceBrain.Load.Double11.Api;

/// <summary><c>POST /api/sessions/{id}/messages</c> → 200.</summary>
public sealed record MessageAnswer(BotReply? Reply, string Status, long Seq, bool Replayed, long EventId);
