using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Api;

/// <summary>The bot's reply: <c>kind</c> is <c>answer</c>, <c>clarify</c>, <c>form</c>, <c>handoff</c> or <c>fallback</c>.</summary>
public sealed record ReplyView(
    string Text,
    string Kind,
    string Intent,
    float Confidence,
    IReadOnlyList<ReplyChoice>? Choices,
    IReadOnlyList<OrderCard>? Cards);
