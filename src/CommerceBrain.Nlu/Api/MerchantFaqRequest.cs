namespace CommerceBrain.Nlu.Api;

/// <summary>Body of <c>PUT /api/nlu/merchants/{merchantId}/faq</c>: the shop's whole FAQ (an empty list clears it).</summary>
/// <param name="Entries">The question-answer pairs.</param>
public sealed record MerchantFaqRequest(IReadOnlyList<MerchantFaqEntryRequest?>? Entries);
