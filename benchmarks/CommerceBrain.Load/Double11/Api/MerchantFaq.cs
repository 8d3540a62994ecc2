namespace CommerceBrain.Load.Double11.Api;

/// <summary><c>GET /api/nlu/merchants/{id}/faq</c>.</summary>
public sealed record MerchantFaq(string MerchantId, long Version, IReadOnlyList<MerchantFaqEntry> Entries);
