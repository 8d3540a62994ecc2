using Orleans.Concurrency;

namespace CommerceBrain.Commerce.Contracts;

/// <summary>A shop's commerce profile, keyed by merchant id.</summary>
[Alias("commerce.merchant")]
public interface IMerchantGrain : IGrainWithStringKey
{
    /// <summary>The merchant; null when unknown.</summary>
    [ReadOnly]
    [Alias("get")]
    Task<MerchantView?> Get();
}
