namespace CommerceBrain.Nlu.Api;

/// <summary>One candidate intent and its confidence.</summary>
public sealed record IntentCandidate(string Intent, float Confidence);
