using CommerceBrain.Nlu.Contracts;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace CommerceBrain.Nlu.Grains;

/// <summary>Holds a merchant's run-time intents; writes through on every change.</summary>
public sealed class MerchantIntentsGrain(
    [PersistentState(MerchantIntentsGrain.StateName)] IPersistentState<MerchantIntentsState> state,
    IOptions<NluOptions> options) : Grain, IMerchantIntentsGrain
{
    /// <summary>The state name: unique to this grain class, so no other grain with the same key shares its row.</summary>
    public const string StateName = "nlu-merchant-intents";

    /// <inheritdoc />
    public async Task<MerchantIntentChange> Put(MerchantIntentDefinition intent)
    {
        var merchantId = this.GetPrimaryKeyString();
        var before = state.State.ToSet(merchantId);
        if (state.State.Put(intent, options.Value.MaxMerchantIntents) is { } refusal)
        {
            return new MerchantIntentChange(false, refusal, before);
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

        return new MerchantIntentChange(true, null, state.State.ToSet(merchantId));
    }

    /// <inheritdoc />
    public Task<MerchantIntentSet?> GetIfChanged(long knownVersion) =>
        Task.FromResult(knownVersion == state.State.Version ? null : state.State.ToSet(this.GetPrimaryKeyString()));
}
