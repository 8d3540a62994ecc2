using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Coupons.Tests.Grains;

public sealed class ClaimTests(CouponGrainFixture fixture) : IClassFixture<CouponGrainFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private async Task<string> Create(CampaignSpec spec)
    {
        var id = Campaign.NewId();
        Assert.NotNull(await fixture.Grains.GetGrain<ICampaignGrain>(id).Create(spec));
        return id;
    }

    private Task<ClaimResult> Claim(string campaignId, string customerId, string key) =>
        fixture.Grains.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(campaignId, customerId)).Claim(key).WaitAsync(Timeout);

    [Fact]
    public async Task Claims_never_exceed_the_budget_under_concurrency()
    {
        const long budget = 5_000;
        var id = await Create(Campaign.With(budget: budget, perUserLimit: 2, shards: 8, faceValues: [100]));

        // 200 customers claim twice each, all at once, each claim under its own key: far more demand than budget.
        var claims = Enumerable.Range(0, 200)
            .SelectMany(c => new[] { Claim(id, $"c{c}", "k1"), Claim(id, $"c{c}", "k2") })
            .ToArray();
        var results = await Task.WhenAll(claims);

        var grants = results.Where(r => r.Outcome == ClaimOutcome.Granted).Select(r => r.Grant!).ToList();
        Assert.InRange(grants.Sum(g => g.Value), 1, budget);
        Assert.Equal(grants.Count, grants.Select(g => g.CouponId).Distinct().Count());
        Assert.All(grants.GroupBy(g => g.CustomerId), g => Assert.InRange(g.Count(), 1, 2));
        Assert.Contains(results, r => r.Reason == DenialReason.BudgetExhausted);

        // What was acknowledged is exactly what the ledger holds.
        var ledger = fixture.SiloServices.GetRequiredService<CouponLedger>();
        var totals = await ledger.CampaignTotalsAsync(id);
        Assert.Equal(grants.Count, totals.Sum(t => t.Count));
        Assert.Equal(grants.Sum(g => g.Value), totals.Sum(t => t.Amount));
    }

    [Fact]
    public async Task One_customer_claiming_from_many_places_at_once_gets_exactly_the_per_user_limit()
    {
        var id = await Create(Campaign.With(budget: 1_000_000, perUserLimit: 3, shards: 8));

        // 30 different keys at once: they cannot all be serialised by one shard, only by the claimant.
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Claim(id, "hot", $"key-{i}")));

        Assert.Equal(3, results.Count(r => r.Outcome == ClaimOutcome.Granted));
        Assert.Equal(27, results.Count(r => r.Reason == DenialReason.PerUserLimit));
        var ledger = fixture.SiloServices.GetRequiredService<CouponLedger>();
        Assert.Equal(3, (await ledger.CustomerGrantsAsync(id, "hot")).Count);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_same_coupon()
    {
        var id = await Create(Campaign.With(perUserLimit: 1));

        var first = await Claim(id, "alice", "order-42");
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Claim(id, "alice", "order-42")));

        Assert.Equal(ClaimOutcome.Granted, first.Outcome);
        Assert.All(again, r =>
        {
            Assert.Equal(ClaimOutcome.Repeated, r.Outcome);
            Assert.Equal(first.Grant, r.Grant);
        });
    }

    [Fact]
    public async Task A_second_key_beyond_the_per_user_limit_is_denied()
    {
        var id = await Create(Campaign.With(perUserLimit: 1));
        await Claim(id, "bob", "a");

        var second = await Claim(id, "bob", "b");

        Assert.Equal(DenialReason.PerUserLimit, second.Reason);
    }

    [Fact]
    public async Task The_budget_runs_out_at_exactly_the_coupons_it_pays_for()
    {
        var id = await Create(Campaign.With(budget: 500, shards: 1, faceValues: [100]));

        var results = new List<ClaimResult>();
        for (var i = 0; i < 7; i++)
        {
            results.Add(await Claim(id, $"buyer{i}", "k"));
        }

        Assert.Equal(5, results.Count(r => r.Outcome == ClaimOutcome.Granted));
        Assert.Equal([DenialReason.BudgetExhausted, DenialReason.BudgetExhausted], results.Skip(5).Select(r => r.Reason));
    }

    [Fact]
    public async Task The_lowest_tier_is_granted_for_now()
    {
        var id = await Create(Campaign.With(faceValues: [500, 200, 1_000]));

        var result = await Claim(id, "carol", "k");

        Assert.Equal(200, result.Grant!.Value);
        Assert.Equal(1_000, result.Grant.MinSpend);
        Assert.Equal(1, result.Grant.Tier);
    }

    [Fact]
    public async Task A_segment_campaign_admits_its_segment_and_denies_others()
    {
        var id = await Create(Campaign.With(eligibility: new CampaignEligibility([CustomerSegments.Vip], false)));
        await fixture.AddCustomer("vip-1", CustomerSegments.Vip);
        await fixture.AddCustomer("regular-1", CustomerSegments.Regular);

        Assert.Equal(ClaimOutcome.Granted, (await Claim(id, "vip-1", "k")).Outcome);
        Assert.Equal(DenialReason.NotEligible, (await Claim(id, "regular-1", "k")).Reason);
        Assert.Equal(DenialReason.NotEligible, (await Claim(id, "stranger", "k")).Reason);
    }

    [Fact]
    public async Task A_customer_the_shop_does_not_know_counts_as_new()
    {
        var id = await Create(Campaign.With(eligibility: new CampaignEligibility(null, NewCustomersOnly: true)));
        await fixture.AddCustomer("old-hand", CustomerSegments.Regular);

        Assert.Equal(ClaimOutcome.Granted, (await Claim(id, "first-timer", "k")).Outcome);
        Assert.Equal(DenialReason.NotEligible, (await Claim(id, "old-hand", "k")).Reason);
    }

    [Fact]
    public async Task A_paused_campaign_denies_claims_until_it_resumes()
    {
        var id = await Create(Campaign.With(shards: 2));
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(id);
        await Claim(id, "warm-up", "k");

        Assert.Equal(CampaignStatus.Paused, (await campaign.Pause())!.Status);
        Assert.Equal(DenialReason.CampaignNotActive, (await Claim(id, "dave", "k")).Reason);
        Assert.Equal(CampaignStatus.Active, (await campaign.Resume())!.Status);
        Assert.Equal(ClaimOutcome.Granted, (await Claim(id, "dave", "k")).Outcome);
    }

    [Fact]
    public async Task A_closed_campaign_does_not_resume()
    {
        var id = await Create(Campaign.With());
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(id);

        await campaign.Close();

        Assert.Equal(CampaignStatus.Closed, (await campaign.Resume())!.Status);
        Assert.Equal(DenialReason.CampaignNotActive, (await Claim(id, "erin", "k")).Reason);
    }

    [Fact]
    public async Task A_campaign_outside_its_window_denies_claims()
    {
        var id = await Create(Campaign.With(startsAt: DateTimeOffset.UtcNow.AddDays(1), endsAt: DateTimeOffset.UtcNow.AddDays(2)));

        Assert.Equal(DenialReason.CampaignNotActive, (await Claim(id, "frank", "k")).Reason);
    }

    [Fact]
    public async Task A_claim_for_an_unknown_campaign_says_so()
    {
        Assert.Equal(DenialReason.UnknownCampaign, (await Claim(Campaign.NewId(), "gina", "k")).Reason);
    }

    [Fact]
    public async Task Stats_count_grants_remaining_budget_and_denials_by_reason()
    {
        var id = await Create(Campaign.With(budget: 1_000, perUserLimit: 1, shards: 2, faceValues: [100]));
        await Claim(id, "h1", "a");
        await Claim(id, "h2", "a");
        await Claim(id, "h1", "b");

        var view = await fixture.Grains.GetGrain<ICampaignGrain>(id).View();

        Assert.NotNull(view);
        Assert.Equal(2, view.Stats.GrantedCount);
        Assert.Equal(200, view.Stats.GrantedAmount);
        Assert.Equal(800, view.Stats.Remaining);
        Assert.InRange(view.Stats.Leased, 200, 1_000);
        Assert.Equal(1, view.Stats.Denials.GetValueOrDefault(DenialReason.PerUserLimit));
    }

    [Fact]
    public async Task A_second_create_of_the_same_campaign_is_refused()
    {
        var id = await Create(Campaign.With());

        Assert.Null(await fixture.Grains.GetGrain<ICampaignGrain>(id).Create(Campaign.With(budget: 1)));
    }
}
