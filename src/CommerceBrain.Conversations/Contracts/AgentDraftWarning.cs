namespace CommerceBrain.Conversations.Contracts;

/// <summary>
/// Something improper in an agent's text: a stable <paramref name="Code"/> (e.g. <c>rude</c>, <c>personal_data</c>), a
/// message for the agent and a <paramref name="Severity"/> (<c>critical</c>, <c>warning</c> or <c>info</c>).
/// Recorded with the agent message it was raised on.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.agent-draft-warning")]
public sealed record AgentDraftWarning(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] string Severity = "warning");
