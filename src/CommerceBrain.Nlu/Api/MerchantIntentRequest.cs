namespace CommerceBrain.Nlu.Api;

/// <summary>Body of <c>PUT /api/nlu/merchants/{merchantId}/intents/{intent}</c>.</summary>
/// <param name="Examples">5–10 example messages for the intent.</param>
public sealed record MerchantIntentRequest(IReadOnlyList<string>? Examples);
