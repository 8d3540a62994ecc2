namespace CommerceBrain.Conversations.Storage;

/// <summary>
/// One row of the transcript ledger. <see cref="Reply"/>, <see cref="State"/> and <see cref="Data"/> are JSON text;
/// <see cref="Body"/> is already masked.
/// </summary>
internal sealed record SessionEvent(
    string SessionId,
    long Seq,
    string Kind,
    DateTimeOffset At,
    string CustomerId,
    string? ClientMessageId = null,
    string? Body = null,
    string? Reply = null,
    string? State = null,
    string? Data = null);
