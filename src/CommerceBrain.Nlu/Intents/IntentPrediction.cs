namespace CommerceBrain.Nlu.Intents;

/// <summary>
/// The classifier's answer. When <see cref="IsOutOfScope"/> is true, <see cref="Intent"/> is the out-of-scope label and
/// the request must not be routed to any real intent, and <see cref="Confidence"/> is the OOS class probability or, when
/// the top class fell below the threshold, 1 − its probability; <see cref="Candidates"/> still lists the top-k raw scores.
/// </summary>
public sealed record IntentPrediction(string Intent, float Confidence, bool IsOutOfScope, IReadOnlyList<IntentScore> Candidates);
