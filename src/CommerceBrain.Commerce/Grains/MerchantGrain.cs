using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Storage;

namespace CommerceBrain.Commerce.Grains;

/// <summary>A shop's commerce profile, read from the <c>merchants</c> table.</summary>
internal sealed class MerchantGrain(CommerceStore store) : Grain, IMerchantGrain
{
    private MerchantView? _merchant;

    public async Task<MerchantView?> Get() => _merchant ??= await store.GetMerchantAsync(this.GetPrimaryKeyString());
}
