using CommerceBrain.Coupons.Api;

namespace CommerceBrain.Coupons.Tests.Api;

public sealed class CampaignValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static CreateCampaignRequest Valid() => new("Black Friday", 100_000, [new TierRequest(500, 2_000), new TierRequest(1_000, 5_000)],
        1, null, Now.AddDays(1), new EligibilityRequest([ "new", "vip" ], false), 1_000, 4, null);

    private static Dictionary<string, string[]> Errors(CreateCampaignRequest request) =>
        CouponsApi.Validate(request, new CouponsOptions(), Now).Errors;

    [Fact]
    public void A_valid_request_becomes_a_spec_that_starts_now_with_the_default_coupon_validity()
    {
        var (spec, errors) = CouponsApi.Validate(Valid(), new CouponsOptions(), Now);

        Assert.Empty(errors);
        Assert.NotNull(spec);
        Assert.Equal(Now, spec.StartsAt);
        Assert.Equal(2, spec.Tiers.Count);
        Assert.Equal(new CouponsOptions().DefaultCouponValidity, spec.CouponValidity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_budget_that_is_not_positive_is_refused(long budget) =>
        Assert.Contains("budget", Errors(Valid() with { Budget = budget }).Keys);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2_000, 1)]
    [InlineData(2_001, 2)]
    [InlineData(20_000, 10)]
    [InlineData(100_000_000, 256)]
    public void Without_shards_the_expected_rate_chooses_them(int expected, int shards) =>
        Assert.Equal(shards, CouponsApi.Validate(Valid() with { Shards = null, ExpectedClaimsPerSecond = expected }, new CouponsOptions(), Now).Spec!.Shards);

    [Fact]
    public void Given_shards_win_over_the_expected_rate_and_neither_means_the_default()
    {
        Assert.Equal(4, CouponsApi.Validate(Valid() with { ExpectedClaimsPerSecond = 50_000 }, new CouponsOptions(), Now).Spec!.Shards);
        Assert.Equal(new CouponsOptions().DefaultShards, CouponsApi.Validate(Valid() with { Shards = null }, new CouponsOptions(), Now).Spec!.Shards);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_expected_rate_that_is_not_positive_is_refused(int expected) =>
        Assert.Contains("expectedClaimsPerSecond", Errors(Valid() with { Shards = null, ExpectedClaimsPerSecond = expected }).Keys);

    [Fact]
    public void A_campaign_without_tiers_is_refused() =>
        Assert.Contains("tiers", Errors(Valid() with { Tiers = [] }).Keys);

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused() =>
        Assert.Contains("endsAt", Errors(Valid() with { StartsAt = Now.AddDays(2), EndsAt = Now.AddDays(1) }).Keys);

    [Fact]
    public void An_unknown_segment_is_refused() =>
        Assert.Contains("eligibility.segments", Errors(Valid() with { Eligibility = new EligibilityRequest(["gold"], null) }).Keys);

    [Fact]
    public void A_tier_worth_more_than_the_budget_is_refused() =>
        Assert.Contains("tiers[0].faceValue", Errors(Valid() with { Budget = 100, Tiers = [new TierRequest(500, 0)] }).Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public void Shards_outside_the_allowed_range_are_refused(int shards) =>
        Assert.Contains("shards", Errors(Valid() with { Shards = shards }).Keys);

    [Fact]
    public void A_per_user_limit_below_one_is_refused() =>
        Assert.Contains("perUserLimit", Errors(Valid() with { PerUserLimit = 0 }).Keys);

    [Fact]
    public void A_campaign_allocates_the_lowest_tier_unless_it_asks_for_the_optimiser()
    {
        Assert.Equal(Contracts.TierAllocation.Lowest, CouponsApi.Validate(Valid(), new CouponsOptions(), Now).Spec!.Allocation);
        Assert.Equal(Contracts.TierAllocation.Optimised,
            CouponsApi.Validate(Valid() with { Allocation = "optimised" }, new CouponsOptions(), Now).Spec!.Allocation);
    }

    [Fact]
    public void An_unknown_allocation_is_refused() =>
        Assert.Contains("allocation", Errors(Valid() with { Allocation = "best" }).Keys);

    [Fact]
    public void An_optimised_campaign_is_refused_where_no_conversion_model_is_registered() =>
        Assert.Contains("allocation", CouponsApi.Validate(Valid() with { Allocation = "optimised" }, new CouponsOptions(), Now, canOptimise: false).Errors.Keys);
}
