using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Coupons.Tests.Grains;

public sealed class RedemptionTests(RedemptionGrainFixture fixture) : IClassFixture<RedemptionGrainFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Windows far ahead, because the expiry tests move the shared clock by weeks.
    private async Task<CouponGrant> CouponFor(string customerId, bool returnOnRefund = true)
    {
        var id = Campaign.NewId();
        var spec = Campaign.With(faceValues: [100], startsAt: fixture.Clock.GetUtcNow().AddHours(-1), endsAt: fixture.Clock.GetUtcNow().AddYears(10))
            with { KeepOnRefund = !returnOnRefund };
        Assert.NotNull(await fixture.Grains.GetGrain<ICampaignGrain>(id).Create(spec));
        var claim = await fixture.Grains.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(id, customerId)).Claim("k").WaitAsync(Timeout);
        Assert.Equal(ClaimOutcome.Granted, claim.Outcome);
        return claim.Grant!;
    }

    private ICouponRedemptionGrain Coupon(string couponId) => fixture.Grains.GetGrain<ICouponRedemptionGrain>(couponId);

    private Task<RedemptionResult> Redeem(CouponGrant grant, string orderId, long total = 1_000, string? customerId = null) =>
        Coupon(grant.CouponId).Redeem(customerId ?? grant.CustomerId, orderId, total).WaitAsync(Timeout);

    [Fact]
    public async Task Concurrent_redemptions_of_one_coupon_apply_it_to_exactly_one_order()
    {
        var grant = await CouponFor("ann");

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => Redeem(grant, $"order-{i}")));

        var winner = Assert.Single(results, r => r.Outcome == RedemptionOutcome.Redeemed);
        Assert.Equal(24, results.Count(r => r.Outcome == RedemptionOutcome.AlreadyRedeemed));
        Assert.Equal(100, winner.Amount);
        var row = await fixture.SiloServices.GetRequiredService<RedemptionStore>().RedemptionAsync(grant.CouponId);
        Assert.Equal(winner.OrderId, row?.OrderId);
        Assert.True(row!.IsHeld);
    }

    [Fact]
    public async Task Redeeming_again_for_the_same_order_gives_the_same_answer()
    {
        var grant = await CouponFor("ben");

        var first = await Redeem(grant, "order-1");
        var again = await Redeem(grant, "order-1");

        Assert.Equal(RedemptionOutcome.Redeemed, first.Outcome);
        Assert.Equal(RedemptionOutcome.Repeated, again.Outcome);
        Assert.Equal((first.OrderId, first.Amount, first.RedeemedAt), (again.OrderId, again.Amount, again.RedeemedAt));
    }

    [Fact]
    public async Task Another_customers_coupon_or_an_unknown_one_is_not_found()
    {
        var grant = await CouponFor("cara");

        var stranger = await Redeem(grant, "order-1", customerId: "mallory");
        var forged = await Coupon(grant.CouponId[..^1] + (grant.CouponId[^1] == '0' ? '1' : '0')).Redeem("cara", "order-1", 1_000).WaitAsync(Timeout);
        var unknown = await Coupon("nope").Redeem("cara", "order-1", 1_000).WaitAsync(Timeout);

        Assert.Equal(RedemptionOutcome.NotFound, stranger.Outcome);
        Assert.Equal(RedemptionOutcome.NotFound, forged.Outcome);
        Assert.Equal(RedemptionOutcome.NotFound, unknown.Outcome);
        Assert.Equal(RedemptionOutcome.Redeemed, (await Redeem(grant, "order-1")).Outcome);
    }

    [Fact]
    public async Task An_order_below_the_minimum_spend_is_refused_and_leaves_the_coupon_usable()
    {
        var grant = await CouponFor("dan"); // face 100, min spend 500

        var tooSmall = await Redeem(grant, "order-1", total: 499);
        var enough = await Redeem(grant, "order-2", total: 500);

        Assert.Equal(RedemptionOutcome.BelowMinSpend, tooSmall.Outcome);
        Assert.Equal(500, tooSmall.MinSpend);
        Assert.Equal(RedemptionOutcome.Redeemed, enough.Outcome);
    }

    [Fact]
    public async Task A_coupon_past_its_expiry_is_refused()
    {
        var grant = await CouponFor("eve");

        fixture.Clock.SetUtcNow(grant.ExpiresAt);
        var result = await Redeem(grant, "order-1");

        Assert.Equal(RedemptionOutcome.Expired, result.Outcome);
        Assert.Null(await fixture.SiloServices.GetRequiredService<RedemptionStore>().RedemptionAsync(grant.CouponId));
    }

    [Fact]
    public async Task A_returned_coupon_can_be_redeemed_again_on_another_order()
    {
        var grant = await CouponFor("fay");
        Assert.Equal(RedemptionOutcome.Redeemed, (await Redeem(grant, "order-1")).Outcome);

        var wrongOrder = await Coupon(grant.CouponId).Return("order-9").WaitAsync(Timeout);
        var returned = await Coupon(grant.CouponId).Return("order-1").WaitAsync(Timeout);
        var returnedAgain = await Coupon(grant.CouponId).Return("order-1").WaitAsync(Timeout);
        var second = await Redeem(grant, "order-2");
        var third = await Redeem(grant, "order-3");

        Assert.Equal(ReturnOutcome.NotRedeemed, wrongOrder);
        Assert.Equal(ReturnOutcome.Returned, returned);
        Assert.Equal(ReturnOutcome.Returned, returnedAgain);
        Assert.Equal(RedemptionOutcome.Redeemed, second.Outcome);
        Assert.Equal(RedemptionOutcome.AlreadyRedeemed, third.Outcome);
        var row = await fixture.SiloServices.GetRequiredService<RedemptionStore>().RedemptionAsync(grant.CouponId);
        Assert.Equal(("order-2", true), (row?.OrderId, row!.IsHeld));
    }

    [Fact]
    public async Task A_campaign_that_keeps_coupons_on_refund_does_not_return_them()
    {
        var grant = await CouponFor("gus", returnOnRefund: false);
        await Redeem(grant, "order-1");

        Assert.Equal(ReturnOutcome.NotReturnable, await Coupon(grant.CouponId).Return("order-1").WaitAsync(Timeout));
        Assert.Equal(RedemptionOutcome.AlreadyRedeemed, (await Redeem(grant, "order-2")).Outcome);
    }

    [Fact]
    public async Task An_expired_coupon_stays_used_after_a_refund()
    {
        var grant = await CouponFor("hal");
        await Redeem(grant, "order-1");

        fixture.Clock.SetUtcNow(grant.ExpiresAt.AddMinutes(1));

        Assert.Equal(ReturnOutcome.Expired, await Coupon(grant.CouponId).Return("order-1").WaitAsync(Timeout));
        Assert.True((await fixture.SiloServices.GetRequiredService<RedemptionStore>().RedemptionAsync(grant.CouponId))!.IsHeld);
    }
}
