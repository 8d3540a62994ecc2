namespace CommerceBrain.Nlu.Faq;

/// <summary>The matcher's answer: a decision, its confidence (the top fused score) and the ranked candidates.</summary>
public sealed record FaqMatch(FaqDecision Decision, float Confidence, IReadOnlyList<FaqCandidate> Candidates);
