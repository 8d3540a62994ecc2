namespace CommerceBrain.Nlu.Intents;

/// <summary>One candidate intent and its calibrated probability.</summary>
public sealed record IntentScore(string Intent, float Confidence);
