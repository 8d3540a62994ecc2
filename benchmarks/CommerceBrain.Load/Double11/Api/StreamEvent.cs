namespace CommerceBrain.Load.Double11.Api;

/// <summary>An event of a session's live stream (<c>{"type":"event",…}</c>): its id, kind, the status after it and the lines it added.</summary>
public sealed record StreamEvent(long EventId, string Kind, string? Status, IReadOnlyList<TranscriptLine> Lines, string? AgentName);
