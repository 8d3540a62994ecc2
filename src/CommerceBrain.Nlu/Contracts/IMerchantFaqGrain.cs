using Orleans.Concurrency;

namespace CommerceBrain.Nlu.Contracts;

/// <summary>
/// A shop's own FAQ (question-answer pairs), keyed by merchant id: the durable record every silo builds its in-memory
/// index of that shop's FAQ from. Stored before the call returns.
/// </summary>
[Alias("nlu.merchant-faq")]
public interface IMerchantFaqGrain : IGrainWithStringKey
{
    /// <summary>
    /// Replaces the shop's FAQ with <paramref name="entries"/> (stored before it returns, version + 1); refused (not
    /// thrown) when the entries break a limit of <c>CommerceBrain:Nlu</c> (count, lengths, empty text, duplicate ids).
    /// </summary>
    [Alias("replace")]
    Task<MerchantFaqChange> Replace(IReadOnlyList<MerchantFaqPair> entries);

    /// <summary>The shop's FAQ when its version differs from <paramref name="knownVersion"/>; null when it is the same.</summary>
    [ReadOnly]
    [Alias("get-if-changed")]
    Task<MerchantFaqSet?> GetIfChanged(long knownVersion);
}
