using Orleans.Concurrency;

namespace CommerceBrain.Nlu.Contracts;

/// <summary>
/// A shop's own FAQ (question-answer pairs), keyed by merchant id: the durable record every silo builds its in-memory
/// index of that shop's FAQ from. Stored before the call returns.
/// </summary>
[Alias("nlu.merchant-faq")]
public interface IMerchantFaqGrain : IGrainWithStringKey
{
    /// <summary>Replaces the shop's FAQ with <paramref name="entries"/> and returns the stored set.</summary>
    [Alias("replace")]
    Task<MerchantFaqSet> Replace(IReadOnlyList<MerchantFaqPair> entries);

    /// <summary>The shop's FAQ when its version differs from <paramref name="knownVersion"/>; null when it is the same.</summary>
    [ReadOnly]
    [Alias("get-if-changed")]
    Task<MerchantFaqSet?> GetIfChanged(long knownVersion);
}
