namespace CommerceBrain.Conversations.Contracts;

/// <summary>The customer closes the session with a satisfaction score 1–5 and an optional comment.</summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.session-closing")]
public sealed record SessionClosing(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] int Satisfaction,
    [property: Id(2)] string? Comment);
