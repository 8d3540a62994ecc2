namespace CommerceBrain.Conversations.Contracts;

/// <summary>A quick-reply button: <paramref name="Label"/> is shown, <paramref name="Value"/> is sent as the customer's next message.</summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.reply-choice")]
public sealed record ReplyChoice(
    [property: Id(0)] string Label,
    [property: Id(1)] string Value);
