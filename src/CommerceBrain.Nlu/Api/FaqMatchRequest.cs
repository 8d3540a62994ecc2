namespace CommerceBrain.Nlu.Api;

/// <summary>Body of <c>POST /api/nlu/faq/match</c>.</summary>
/// <param name="Query">The customer's question (1 to <c>MaxTextLength</c> characters).</param>
/// <param name="MerchantId">The shop in context: its own entries are searched along with the platform-wide ones.</param>
public sealed record FaqMatchRequest(string? Query, string? MerchantId = null);
