namespace CommerceBrain.Conversations.Contracts;

/// <summary>Something improper in an agent's text: a stable <paramref name="Code"/> (e.g. <c>rude</c>, <c>personal_data</c>) and a message for the agent.</summary>
public sealed record AgentDraftWarning(string Code, string Message);
