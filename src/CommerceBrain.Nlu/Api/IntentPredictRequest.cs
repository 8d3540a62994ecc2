namespace CommerceBrain.Nlu.Api;

/// <summary>Body of <c>POST /api/nlu/intents:predict</c>.</summary>
/// <param name="Text">The customer's message (1 to <c>MaxTextLength</c> characters, default 2,000).</param>
/// <param name="MerchantId">The shop the customer talks to; its run-time intents take part. Unknown merchants are fine.</param>
/// <param name="Top">How many candidates to return (1–10, default 3).</param>
public sealed record IntentPredictRequest(string? Text, string? MerchantId = null, int? Top = null);
