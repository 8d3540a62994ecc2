using Orleans.Concurrency;

namespace CommerceBrain.Nlu.Contracts;

/// <summary>
/// A merchant's run-time (few-shot) intents, keyed by merchant id: the durable record every silo builds its in-memory
/// prototype heads from. A change is acknowledged only after it is stored, so it survives a restart.
/// </summary>
[Alias("nlu.merchant-intents")]
public interface IMerchantIntentsGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces one intent; refused (not thrown) when the merchant already has the most intents allowed.</summary>
    [Alias("put")]
    Task<MerchantIntentChange> Put(MerchantIntentDefinition intent);

    /// <summary>The merchant's intents when their version differs from <paramref name="knownVersion"/>; null when it is the same.</summary>
    [ReadOnly]
    [Alias("get-if-changed")]
    Task<MerchantIntentSet?> GetIfChanged(long knownVersion);
}
