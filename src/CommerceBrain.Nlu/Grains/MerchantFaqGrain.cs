using CommerceBrain.Nlu.Contracts;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace CommerceBrain.Nlu.Grains;

/// <summary>Holds a shop's own FAQ; writes through on every change.</summary>
public sealed class MerchantFaqGrain(
    [PersistentState(MerchantFaqGrain.StateName)] IPersistentState<MerchantFaqState> state,
    IOptions<NluOptions> options) : Grain, IMerchantFaqGrain
{
    /// <summary>The state name: unique to this grain class, so no other grain with the same key shares its row.</summary>
    public const string StateName = "nlu-merchant-faq";

    /// <inheritdoc />
    public async Task<MerchantFaqChange> Replace(IReadOnlyList<MerchantFaqPair> entries)
    {
        var merchantId = this.GetPrimaryKeyString();
        var before = state.State.ToSet(merchantId);
        if (state.State.Replace(entries, options.Value) is { } refusal)
        {
            return new MerchantFaqChange(false, refusal, before);
        }

        try
        {
            await state.WriteStateAsync();   // acknowledged = durable
        }
        catch
        {
            // Memory must not run ahead of storage: forget the change and reload on the next call.
            DeactivateOnIdle();
            throw;
        }

        return new MerchantFaqChange(true, null, state.State.ToSet(merchantId));
    }

    /// <inheritdoc />
    public Task<MerchantFaqSet?> GetIfChanged(long knownVersion) =>
        Task.FromResult(knownVersion == state.State.Version ? null : state.State.ToSet(this.GetPrimaryKeyString()));
}
