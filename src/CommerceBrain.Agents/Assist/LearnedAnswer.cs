namespace CommerceBrain.Agents.Assist;

/// <summary>A customer's question and the agent's answer to it, learned from a resolved session's transcript.</summary>
public sealed record LearnedAnswer(string Question, string Answer, string SessionId);
