namespace CommerceBrain.Nlu.Api;

/// <summary>A shop's FAQ was stored.</summary>
/// <param name="MerchantId">The shop.</param>
/// <param name="Version">The stored version (grows by one with every change).</param>
/// <param name="Count">How many entries the FAQ holds now.</param>
/// <param name="Ids">The entries' ids in order, the generated ones included.</param>
public sealed record MerchantFaqResponse(string MerchantId, long Version, int Count, IReadOnlyList<string> Ids);
