using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Refunds;
using CommerceBrain.Coupons.Storage;
using CommerceBrain.Coupons.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Coupons.Tests.Refunds;

/// <summary>The coupons module's refund listener on a real silo and ledger: coupons of a refunded order come back.</summary>
public sealed class CouponRefundListenerTests(RedemptionGrainFixture fixture) : IClassFixture<RedemptionGrainFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private RedemptionStore Store => fixture.SiloServices.GetRequiredService<RedemptionStore>();

    // The module registers it as an order refund listener; the test calls it as the order grain does.
    private IOrderRefundListener Listener =>
        Assert.Single(fixture.SiloServices.GetServices<IOrderRefundListener>().OfType<CouponRefundListener>());

    private async Task<CouponGrant> Redeemed(string customerId, string orderId, bool returnOnRefund = true)
    {
        var id = Campaign.NewId();
        var spec = Campaign.With(faceValues: [100], startsAt: fixture.Clock.GetUtcNow().AddHours(-1), endsAt: fixture.Clock.GetUtcNow().AddYears(10))
            with { KeepOnRefund = !returnOnRefund };
        Assert.NotNull(await fixture.Grains.GetGrain<ICampaignGrain>(id).Create(spec));
        var claim = await fixture.Grains.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(id, customerId)).Claim("k").WaitAsync(Timeout);
        Assert.Equal(ClaimOutcome.Granted, claim.Outcome);
        var redeemed = await fixture.Grains.GetGrain<ICouponRedemptionGrain>(claim.Grant!.CouponId).Redeem(customerId, orderId, 1_000).WaitAsync(Timeout);
        Assert.Equal(RedemptionOutcome.Redeemed, redeemed.Outcome);
        return claim.Grant;
    }

    private Task Refunded(string orderId, string customerId, bool wholeOrder = true) =>
        Listener.OnOrderRefundedAsync(new OrderRefunded(orderId, customerId, "rf-1", 1_000, wholeOrder), CancellationToken.None).WaitAsync(Timeout);

    private async Task<bool> IsHeld(CouponGrant grant) => (await Store.RedemptionAsync(grant.CouponId))!.IsHeld;

    [Fact]
    public async Task A_refunded_order_gives_back_every_coupon_redeemed_on_it_and_no_other()
    {
        var first = await Redeemed("ann", "order-a1");
        var second = await Redeemed("ann", "order-a1");
        var otherOrder = await Redeemed("ann", "order-a2");

        await Refunded("order-a1", "ann");

        Assert.False(await IsHeld(first));
        Assert.False(await IsHeld(second));
        Assert.True(await IsHeld(otherOrder));
        var again = await fixture.Grains.GetGrain<ICouponRedemptionGrain>(first.CouponId).Redeem("ann", "order-a3", 1_000).WaitAsync(Timeout);
        Assert.Equal(RedemptionOutcome.Redeemed, again.Outcome);
    }

    [Fact]
    public async Task A_campaign_that_keeps_coupons_on_refund_keeps_them_used()
    {
        var kept = await Redeemed("ben", "order-b1", returnOnRefund: false);

        await Refunded("order-b1", "ben");

        Assert.True(await IsHeld(kept));
    }

    [Fact]
    public async Task Telling_the_listener_again_returns_the_coupon_once()
    {
        var grant = await Redeemed("cara", "order-c1");

        await Refunded("order-c1", "cara");
        var returnedAt = (await Store.RedemptionAsync(grant.CouponId))!.ReturnedAt;
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await Refunded("order-c1", "cara");

        Assert.NotNull(returnedAt);
        Assert.Equal(returnedAt, (await Store.RedemptionAsync(grant.CouponId))!.ReturnedAt);
    }

    [Fact]
    public async Task A_partly_refunded_order_and_another_customers_redemption_keep_their_coupons()
    {
        var partly = await Redeemed("dan", "order-d1");
        var stranger = await Redeemed("mallory", "order-d2");

        await Refunded("order-d1", "dan", wholeOrder: false);
        await Refunded("order-d2", "dan");

        Assert.True(await IsHeld(partly));
        Assert.True(await IsHeld(stranger));
    }
}
