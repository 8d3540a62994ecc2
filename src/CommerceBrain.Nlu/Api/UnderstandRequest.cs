namespace CommerceBrain.Nlu.Api;

/// <summary>Body of <c>POST /api/nlu/understand</c>.</summary>
/// <param name="Text">The customer's message (1 to <c>MaxTextLength</c> characters).</param>
/// <param name="MerchantId">The shop in context: its run-time intents and own FAQ count along with the platform's.</param>
public sealed record UnderstandRequest(string? Text, string? MerchantId = null);
