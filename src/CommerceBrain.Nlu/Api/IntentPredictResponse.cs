namespace CommerceBrain.Nlu.Api;

/// <summary>The predicted intent of a message.</summary>
/// <param name="Intent">The intent, or the out-of-scope label (<c>oos</c>) when <paramref name="OutOfScope"/>.</param>
/// <param name="Confidence">Calibrated probability of the decision (for a merchant's run-time intent: cosine similarity).</param>
/// <param name="OutOfScope">True when the bot should not answer with any intent.</param>
/// <param name="Candidates">The top intents with their probabilities, best first.</param>
/// <param name="Entities">Order ids, amounts, dates, phones and e-mails found in the text.</param>
public sealed record IntentPredictResponse(
    string Intent, float Confidence, bool OutOfScope, IReadOnlyList<IntentCandidate> Candidates, IReadOnlyList<EntityView> Entities);
