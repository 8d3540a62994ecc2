using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Storage;

/// <summary>
/// The <c>data</c> of an agent row: who acted and, by kind, the display name, transfer target and note, or resolution code;
/// for a message, the reviewer's warnings and the compensation reason code.
/// </summary>
internal sealed record AgentEventData(
    string AgentId,
    string? AgentName = null,
    string? Group = null,
    string? TargetAgentId = null,
    string? Note = null,
    string? ResolutionCode = null,
    IReadOnlyList<AgentDraftWarning>? Warnings = null,
    string? ReasonCode = null);
