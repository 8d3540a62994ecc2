namespace CommerceBrain.Load.Double11.Api;

/// <summary>A question-answer pair of a shop's FAQ.</summary>
public sealed record MerchantFaqEntry(string Id, string Question, string Answer);
