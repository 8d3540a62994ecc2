using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Grains;

/// <summary>The list of campaigns customers can claim from; written only when a campaign is created or changes status.</summary>
internal sealed class CampaignDirectoryGrain(
    [PersistentState("coupons-directory")] IPersistentState<CampaignDirectoryState> state,
    TimeProvider clock) : Grain, ICampaignDirectoryGrain
{
    public async Task Register(CampaignListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        state.State.Register(listing, clock.GetUtcNow());
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<CampaignListing>> Open() => Task.FromResult(state.State.Open(clock.GetUtcNow()));
}
