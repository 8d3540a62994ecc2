namespace CommerceBrain.Nlu.Api;

/// <summary>A merchant's run-time intent was added (or replaced).</summary>
/// <param name="MerchantId">The merchant.</param>
/// <param name="Intent">The intent added.</param>
/// <param name="Examples">How many examples it was built from.</param>
/// <param name="Intents">All run-time intents this merchant has now.</param>
public sealed record MerchantIntentResponse(string MerchantId, string Intent, int Examples, IReadOnlyList<string> Intents);
