using System.Collections.Concurrent;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Tests.Grains;
using FsCheck.Xunit;

namespace CommerceBrain.Coupons.Tests.Properties;

/// <summary>
/// The budget's invariants under random interleavings of claims (single, concurrent bursts, floods of new customers
/// that keep shards refilling), pauses, resumes, deactivations of every grain and silo restarts, checked against the
/// ledger after every scenario. Each scenario runs on a campaign of its own on one silo over one SQLite database.
/// </summary>
public sealed class BudgetInvariantProperties(CouponGrainFixture fixture) : IClassFixture<CouponGrainFixture>
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromMinutes(2);

    [Property(MaxTest = 25, Arbitrary = [typeof(CampaignScenarios)], QuietOnSuccess = true)]
    public void The_budget_per_user_limit_idempotency_and_pause_hold_and_the_ledger_agrees(CampaignScenario scenario) =>
        // Off xunit's synchronisation context: FsCheck runs the property synchronously.
        Task.Run(() => RunAndCheckAsync(scenario)).WaitAsync(ScenarioTimeout).GetAwaiter().GetResult();

    private async Task RunAndCheckAsync(CampaignScenario scenario)
    {
        var id = Campaign.NewId();
        Assert.NotNull(await fixture.Grains.GetGrain<ICampaignGrain>(id).Create(scenario.Spec()).WaitAsync(CallTimeout));
        var attempts = new ConcurrentBag<ClaimAttempt>();
        var paused = false;
        for (var step = 0; step < scenario.Ops.Count; step++)
        {
            switch (scenario.Ops[step])
            {
                case ScenarioOp.Claim claim:
                    await ClaimAsync(id, $"c{claim.Customer}", $"k{claim.Key}", paused, attempts);
                    break;
                case ScenarioOp.Burst burst:
                    await Task.WhenAll(burst.Claims.Select(c => ClaimAsync(id, $"c{c.Customer}", $"k{c.Key}", paused, attempts)));
                    break;
                case ScenarioOp.Flood flood:
                    var at = step;
                    await Task.WhenAll(Enumerable.Range(0, flood.Customers).Select(i => ClaimAsync(id, $"f{at}-{i}", "k0", paused, attempts)));
                    break;
                case ScenarioOp.Pause:
                    await CampaignOf(id).Pause().WaitAsync(CallTimeout);
                    paused = true;
                    break;
                case ScenarioOp.Resume:
                    await CampaignOf(id).Resume().WaitAsync(CallTimeout);
                    paused = false;
                    break;
                case ScenarioOp.Deactivate:
                    await DeactivateAllAsync();
                    break;
                case ScenarioOp.Restart:
                    await fixture.RestartAsync().WaitAsync(ScenarioTimeout);
                    break;
            }
        }

        var live = (await CampaignOf(id).View().WaitAsync(CallTimeout))!.Stats;
        var ledger = await LedgerRow.ReadAsync(fixture.SiloServices, id);
        await DeactivateAllAsync();
        var reconciled = (await CampaignOf(id).View().WaitAsync(CallTimeout))!.Stats;
        Check(scenario, [.. attempts], ledger, live, reconciled);
    }

    private static void Check(CampaignScenario scenario, IReadOnlyList<ClaimAttempt> attempts, IReadOnlyList<LedgerRow> ledger,
        CampaignStats live, CampaignStats reconciled)
    {
        var spent = ledger.Sum(r => r.Value);
        Assert.True(spent <= scenario.Budget, $"Overspend: the ledger holds {spent} of a budget of {scenario.Budget}.");

        var twice = ledger.GroupBy(r => r.CouponId).FirstOrDefault(g => g.Count() > 1);
        Assert.True(twice is null, $"Coupon {twice?.Key} is in the ledger {twice?.Count()} times.");

        var greedy = ledger.GroupBy(r => r.Customer).FirstOrDefault(g => g.Count() > scenario.PerUserLimit);
        Assert.True(greedy is null, $"Customer {greedy?.Key} holds {greedy?.Count()} coupons; the limit is {scenario.PerUserLimit}.");

        foreach (var sameKey in attempts.Where(a => a.Acknowledged).GroupBy(a => (a.Customer, a.Key)))
        {
            var grants = sameKey.Select(a => a.Result.Grant!).Distinct().ToList();
            Assert.True(grants.Count == 1,
                $"Key {sameKey.Key.Key} of {sameKey.Key.Customer} returned {grants.Count} different coupons: {string.Join(", ", grants.Select(g => g.CouponId))}.");
            var firstTime = sameKey.Count(a => a.Result.Outcome == ClaimOutcome.Granted);
            Assert.True(firstTime <= 1, $"Key {sameKey.Key.Key} of {sameKey.Key.Customer} was granted anew {firstTime} times.");
        }

        var rows = ledger.ToDictionary(r => r.CouponId);
        foreach (var grant in attempts.Where(a => a.Acknowledged).Select(a => a.Result.Grant!))
        {
            Assert.True(rows.TryGetValue(grant.CouponId, out var row), $"Acknowledged coupon {grant.CouponId} is not in the ledger.");
            Assert.Equal((grant.CustomerId, grant.IdempotencyKey, grant.Value), (row.Customer, row.Key, row.Value));
        }

        // Nothing crashed, so the ledger holds exactly the new grants the claims were told of.
        var granted = attempts.Count(a => a.Result.Outcome == ClaimOutcome.Granted);
        Assert.True(granted == ledger.Count, $"{granted} claims were granted but the ledger holds {ledger.Count} rows.");

        var whilePaused = attempts.FirstOrDefault(a => a.WhilePaused && a.Result.Outcome == ClaimOutcome.Granted);
        Assert.True(whilePaused is null, $"{whilePaused?.Customer} was granted {whilePaused?.Result.Grant?.CouponId} while the campaign was paused.");

        // A claim turned away for budget saw every shard short of the cheapest coupon after the campaign leased out all.
        if (attempts.Any(a => a.Result.Reason == DenialReason.BudgetExhausted))
        {
            var left = scenario.Budget - spent;
            Assert.True(left < scenario.Shards * scenario.LowestFaceValue,
                $"A claim was denied for budget while {left} of {scenario.Budget} was left ({scenario.Shards} shards, cheapest coupon {scenario.LowestFaceValue}).");
        }

        foreach (var (when, stats) in new[] { ("live", live), ("after reconcile", reconciled) })
        {
            Assert.True(stats.GrantedCount == ledger.Count && stats.GrantedAmount == spent && stats.Remaining == scenario.Budget - spent,
                $"Stats {when} say {stats.GrantedCount} grants, {stats.GrantedAmount} granted, {stats.Remaining} remaining; " +
                $"the ledger holds {ledger.Count} grants of {spent} of {scenario.Budget}.");
            Assert.True(stats.Leased >= spent && stats.Leased <= scenario.Budget,
                $"Stats {when} say {stats.Leased} leased; the ledger holds {spent} of {scenario.Budget}.");
        }
    }

    private async Task ClaimAsync(string campaignId, string customer, string key, bool paused, ConcurrentBag<ClaimAttempt> attempts)
    {
        var claimant = fixture.Grains.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(campaignId, customer));
        attempts.Add(new ClaimAttempt(customer, key, await claimant.Claim(key).WaitAsync(CallTimeout), paused));
    }

    private ICampaignGrain CampaignOf(string id) => fixture.Grains.GetGrain<ICampaignGrain>(id);

    private Task DeactivateAllAsync() =>
        fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).WaitAsync(CallTimeout);
}
