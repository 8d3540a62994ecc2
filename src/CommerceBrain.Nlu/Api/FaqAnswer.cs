namespace CommerceBrain.Nlu.Api;

/// <summary>The FAQ entry that answers a question.</summary>
public sealed record FaqAnswer(string Id, string Question, string Answer);
