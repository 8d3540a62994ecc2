using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Coupons.Tests.Grains;

public sealed class OptimisedClaimTests(CouponGrainFixture fixture) : IClassFixture<CouponGrainFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly long[] FaceValues = [500, 1000, 2000];

    private async Task<string> Create(CampaignSpec spec)
    {
        var id = Campaign.NewId();
        Assert.NotNull(await fixture.Grains.GetGrain<ICampaignGrain>(id).Create(spec));
        return id;
    }

    private Task<ClaimResult> Claim(string campaignId, string customerId, string key = "k") =>
        fixture.Grains.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(campaignId, customerId)).Claim(key).WaitAsync(Timeout);

    [Fact]
    public async Task An_optimised_campaign_gives_high_uplift_customers_more_than_the_lowest_tier()
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 10; i++)
        {
            await fixture.AddCustomer($"{prefix}-vip{i}", CustomerSegments.Vip);
        }

        var optimised = await Create(Campaign.With(budget: 10_000_000, faceValues: FaceValues) with { Allocation = TierAllocation.Optimised });
        var lowest = await Create(Campaign.With(budget: 10_000_000, faceValues: FaceValues));

        // Customers the shop does not know are new customers: coupons lift them most, and larger ones more.
        var newcomers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Claim(optimised, $"{prefix}-new{i}")));
        var vips = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Claim(optimised, $"{prefix}-vip{i}")));
        var sameNewcomersWithoutOptimiser = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Claim(lowest, $"{prefix}-new{i}")));

        Assert.All(newcomers, r => Assert.Equal(ClaimOutcome.Granted, r.Outcome));
        Assert.All(newcomers, r => Assert.True(r.Grant!.Value > 500, $"granted {r.Grant.Value}"));
        Assert.All(newcomers, r => Assert.Equal(FaceValues.ToList().IndexOf(r.Grant!.Value), r.Grant.Tier));
        Assert.All(sameNewcomersWithoutOptimiser, r => Assert.Equal(500, r.Grant!.Value));
        Assert.True(vips.Sum(r => r.Grant?.Value ?? 0) <= newcomers.Sum(r => r.Grant!.Value));
    }

    [Fact]
    public async Task An_optimised_campaign_never_grants_more_than_its_budget()
    {
        const long budget = 30_000;
        // Nearly over and nothing spent: the pacing price is at its floor, so the optimiser hands out large coupons.
        var spec = Campaign.With(budget: budget, shards: 4, faceValues: FaceValues, startsAt: DateTimeOffset.UtcNow.AddDays(-10),
            endsAt: DateTimeOffset.UtcNow.AddHours(1)) with { Allocation = TierAllocation.Optimised };
        var id = await Create(spec);
        var prefix = Guid.NewGuid().ToString("N")[..8];

        var results = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Claim(id, $"{prefix}-c{i}")));

        var grants = results.Where(r => r.Outcome == ClaimOutcome.Granted).Select(r => r.Grant!).ToList();
        Assert.InRange(grants.Sum(g => g.Value), 1, budget);
        Assert.Contains(grants, g => g.Value > 500);
        Assert.Contains(results, r => r.Reason == DenialReason.BudgetExhausted);
        var totals = await fixture.SiloServices.GetRequiredService<CouponLedger>().CampaignTotalsAsync(id);
        Assert.Equal(grants.Sum(g => g.Value), totals.Sum(t => t.Amount));
    }

    [Fact]
    public async Task A_claim_the_optimiser_finds_not_worth_a_coupon_is_denied_as_not_eligible()
    {
        // Face values far above any basket: no predicted uplift is worth that much budget at the price.
        var spec = Campaign.With(budget: 10_000_000, faceValues: [1_000_000]) with { Allocation = TierAllocation.Optimised };
        var id = await Create(spec);

        var result = await Claim(id, Guid.NewGuid().ToString("N"));

        Assert.Equal(DenialReason.NotEligible, result.Reason);
        var view = await fixture.Grains.GetGrain<ICampaignGrain>(id).View();
        Assert.Equal(0, view!.Stats.GrantedCount);
    }

    [Fact]
    public async Task A_campaigns_allocation_survives_its_grain_being_reloaded_from_storage()
    {
        var id = await Create(Campaign.With(faceValues: FaceValues) with { Allocation = TierAllocation.Optimised });

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).WaitAsync(Timeout);

        var terms = await fixture.Grains.GetGrain<ICampaignGrain>(id).Terms().WaitAsync(Timeout);
        Assert.Equal(TierAllocation.Optimised, terms!.Spec.Allocation);
    }
}
