namespace CommerceBrain.Silo.Nlu.Contracts;

/// <summary>A ranked FAQ entry.</summary>
public sealed record FaqCandidateView(string Id, string Question, float Score);
