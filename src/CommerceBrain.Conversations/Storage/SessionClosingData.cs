namespace CommerceBrain.Conversations.Storage;

/// <summary>The <c>data</c> of a <see cref="SessionEventKind.Closed"/> row (the comment is masked).</summary>
internal sealed record SessionClosingData(int Satisfaction, string? Comment);
