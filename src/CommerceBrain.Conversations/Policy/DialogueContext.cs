namespace CommerceBrain.Conversations.Policy;

/// <summary>
/// The fixed facts of a turn. <paramref name="RequestId"/> is unique per turn (session id + client message id) and is
/// passed to commerce actions so a retried turn never acts twice.
/// </summary>
public sealed record DialogueContext(
    string SessionId,
    string CustomerId,
    string? MerchantId,
    string Channel,
    string RequestId,
    DateTimeOffset Now);
