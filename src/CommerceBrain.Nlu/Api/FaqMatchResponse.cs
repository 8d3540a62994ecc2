namespace CommerceBrain.Nlu.Api;

/// <summary>The FAQ decision for a question.</summary>
/// <param name="Decision"><c>answer</c> (use <paramref name="Answer"/>), <c>clarify</c> (ask which candidate is meant) or <c>no_match</c>.</param>
/// <param name="Answer">The answering entry when the decision is <c>answer</c>.</param>
/// <param name="Candidates">Ranked entries with their fused scores in [0, 1].</param>
public sealed record FaqMatchResponse(string Decision, FaqAnswer? Answer, IReadOnlyList<FaqCandidateView> Candidates);
