using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Tests.Grains;

/// <summary>
/// A campaign's status governs issuing only: coupons already granted stay redeemable after a pause or close, until they
/// expire (docs/coupons.md).
/// </summary>
public sealed class CampaignStatusRedemptionTests(RedemptionGrainFixture fixture) : IClassFixture<RedemptionGrainFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private async Task<(ICampaignGrain Campaign, CouponGrant Grant)> Granted(string customerId)
    {
        var id = Campaign.NewId();
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(id);
        Assert.NotNull(await campaign.Create(Campaign.With(faceValues: [100], startsAt: fixture.Clock.GetUtcNow().AddHours(-1),
            endsAt: fixture.Clock.GetUtcNow().AddYears(10))));
        var claim = await fixture.Grains.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(id, customerId)).Claim("k").WaitAsync(Timeout);
        Assert.Equal(ClaimOutcome.Granted, claim.Outcome);
        return (campaign, claim.Grant!);
    }

    private Task<RedemptionResult> Redeem(CouponGrant grant, string orderId) =>
        fixture.Grains.GetGrain<ICouponRedemptionGrain>(grant.CouponId).Redeem(grant.CustomerId, orderId, 1_000).WaitAsync(Timeout);

    [Fact]
    public async Task A_paused_campaign_stops_issuing_but_its_granted_coupons_stay_redeemable()
    {
        var (campaign, grant) = await Granted("ann");
        await campaign.Pause();

        var claim = await fixture.Grains.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(grant.CampaignId, "ben")).Claim("k").WaitAsync(Timeout);
        var redeemed = await Redeem(grant, "order-1");

        Assert.Equal(ClaimOutcome.Denied, claim.Outcome);
        Assert.Equal(RedemptionOutcome.Redeemed, redeemed.Outcome);
    }

    [Fact]
    public async Task A_closed_campaigns_coupons_stay_redeemable_and_returnable_until_they_expire()
    {
        var (campaign, grant) = await Granted("cara");
        var (otherCampaign, expiring) = await Granted("cara");
        await campaign.Close();
        await otherCampaign.Close();

        var redeemed = await Redeem(grant, "order-1");
        var returned = await fixture.Grains.GetGrain<ICouponRedemptionGrain>(grant.CouponId).Return("order-1").WaitAsync(Timeout);
        fixture.Clock.SetUtcNow(expiring.ExpiresAt);
        var expired = await Redeem(expiring, "order-2");

        Assert.Equal(RedemptionOutcome.Redeemed, redeemed.Outcome);
        Assert.Equal(ReturnOutcome.Returned, returned);
        Assert.Equal(RedemptionOutcome.Expired, expired.Outcome);
    }
}
