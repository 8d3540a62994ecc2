namespace CommerceBrain.Nlu.Api;

/// <summary>A ranked FAQ entry.</summary>
public sealed record FaqCandidateView(string Id, string Question, float Score);
