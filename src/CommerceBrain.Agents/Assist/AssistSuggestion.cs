namespace CommerceBrain.Agents.Assist;

/// <summary>A reply an agent may send with one click: its text, where it came from (<c>faq</c>, <c>shop-faq</c>, <c>agent-history</c>) and its score in [0, 1].</summary>
public sealed record AssistSuggestion(string Text, string Source, double Score);
