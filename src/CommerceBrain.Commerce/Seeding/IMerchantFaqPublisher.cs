using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>Hands a shop's FAQ to the NLU module (the bot answers from there).</summary>
public interface IMerchantFaqPublisher
{
    /// <summary>Replaces the shop's FAQ with <paramref name="pairs"/>; returns once it is stored.</summary>
    Task PublishAsync(string merchantId, IReadOnlyList<MerchantFaqPair> pairs, CancellationToken cancellationToken);
}
