using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>Publishes through the NLU module's door, <see cref="IMerchantFaqGrain.Replace"/>.</summary>
internal sealed class GrainMerchantFaqPublisher(IGrainFactory grains) : IMerchantFaqPublisher
{
    public async Task PublishAsync(string merchantId, IReadOnlyList<MerchantFaqPair> pairs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await grains.GetGrain<IMerchantFaqGrain>(merchantId).Replace(pairs).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
