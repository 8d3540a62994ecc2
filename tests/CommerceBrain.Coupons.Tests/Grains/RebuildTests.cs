using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Coupons.Tests.Grains;

/// <summary>Grains deactivated and activated again rebuild themselves from the ledger, which is the truth.</summary>
public sealed class RebuildTests(CouponGrainFixture fixture) : IClassFixture<CouponGrainFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private Task<ClaimResult> Claim(string campaignId, string customerId, string key) =>
        fixture.Grains.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(campaignId, customerId)).Claim(key).WaitAsync(Timeout);

    // Deactivates every idle grain, so the next call activates it again from storage and the ledger.
    private Task DeactivateAll() => fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).WaitAsync(Timeout);

    private async Task<List<CouponGrant>> Drain(string campaignId, string prefix)
    {
        var grants = new List<CouponGrant>();
        for (var i = 0; i < 1_000; i++)
        {
            var result = await Claim(campaignId, $"{prefix}{i}", "k");
            if (result.Reason == DenialReason.BudgetExhausted)
            {
                return grants;
            }

            Assert.Equal(ClaimOutcome.Granted, result.Outcome);
            grants.Add(result.Grant!);
        }

        throw new Xunit.Sdk.XunitException("The budget never ran out.");
    }

    [Fact]
    public async Task Grants_keys_and_budget_survive_a_deactivation()
    {
        var id = Campaign.NewId();
        await fixture.Grains.GetGrain<ICampaignGrain>(id).Create(Campaign.With(budget: 2_000, perUserLimit: 1, shards: 2, faceValues: [100]));
        var before = await Task.WhenAll(Enumerable.Range(0, 7).Select(i => Claim(id, $"early{i}", "k")));

        await DeactivateAll();

        var repeated = await Claim(id, "early0", "k");
        var second = await Claim(id, "early1", "another");
        var after = await Drain(id, "late");
        Assert.Equal(ClaimOutcome.Repeated, repeated.Outcome);
        Assert.Equal(before[0].Grant, repeated.Grant);
        Assert.Equal(DenialReason.PerUserLimit, second.Reason);

        var all = before.Select(r => r.Grant!).Concat(after).ToList();
        Assert.InRange(all.Sum(g => g.Value), 1, 2_000);
        Assert.Equal(all.Count, all.Select(g => g.CouponId).Distinct().Count());
        var view = await fixture.Grains.GetGrain<ICampaignGrain>(id).View();
        Assert.Equal(all.Count, view!.Stats.GrantedCount);
    }

    [Fact]
    public async Task A_campaign_reconciles_its_leases_with_grants_the_ledger_holds()
    {
        var id = Campaign.NewId();
        await fixture.Grains.GetGrain<ICampaignGrain>(id).Create(Campaign.With(budget: 1_000, perUserLimit: 1, shards: 2, faceValues: [100]));
        await Claim(id, "first", "k");

        // Grants the campaign's state does not know of (as if its lease write had been lost): the ledger wins.
        var ledger = fixture.SiloServices.GetRequiredService<CouponLedger>();
        var now = DateTimeOffset.UtcNow;
        for (var seq = 1; seq <= 4; seq++)
        {
            await ledger.AppendAsync(new GrantRow(1, 1_000 + seq,
                new CouponGrant($"{id}.1.{1_000 + seq}.x", id, $"ghost{seq}", "k", 100, 500, 0, now.AddDays(1), now)));
        }

        await DeactivateAll();
        var after = await Drain(id, "late");

        var totals = await ledger.CampaignTotalsAsync(id);
        Assert.InRange(totals.Sum(t => t.Amount), 600, 1_000);
        Assert.InRange(after.Count, 1, 5);
    }
}
