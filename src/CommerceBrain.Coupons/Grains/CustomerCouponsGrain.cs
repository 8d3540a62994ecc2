using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using Orleans.Concurrency;

namespace CommerceBrain.Coupons.Grains;

/// <summary>Lists a customer's campaign coupons from the ledger, with each campaign's name and the tier's minimum spend.</summary>
[StatelessWorker]
internal sealed class CustomerCouponsGrain(RedemptionStore store, TimeProvider clock) : Grain, ICustomerCouponsGrain
{
    public async Task<IReadOnlyList<CustomerCoupon>> List()
    {
        var rows = await store.CustomerCouponsAsync(this.GetPrimaryKeyString());
        var campaigns = new Dictionary<string, CampaignTerms?>(StringComparer.Ordinal);
        foreach (var campaignId in rows.Select(r => r.Grant.CampaignId).Distinct(StringComparer.Ordinal))
        {
            campaigns[campaignId] = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).Terms();
        }

        var now = clock.GetUtcNow();
        return [.. rows.Select(r =>
        {
            var spec = campaigns[r.Grant.CampaignId]?.Spec;
            var tier = r.Grant.Tier;
            var minSpend = spec is not null && tier >= 0 && tier < spec.Tiers.Count ? spec.Tiers[tier].MinSpend : 0;
            var held = r.Redemption is { IsHeld: true };
            var status = held ? CustomerCouponStatus.Redeemed : now >= r.Grant.ExpiresAt ? CustomerCouponStatus.Expired : CustomerCouponStatus.Available;
            return new CustomerCoupon(r.Grant.CouponId, r.Grant.CampaignId, spec?.Name ?? "", r.Grant.Value, minSpend, r.Grant.ExpiresAt,
                status, held ? r.Redemption!.OrderId : null);
        })];
    }
}
