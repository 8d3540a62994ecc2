using System.Security.Cryptography;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace CommerceBrain.Coupons.Grains;

/// <summary>
/// A budget shard: reserves each grant's value from its lease synchronously, appends the row and answers once it is
/// committed. Reentrant so thousands of grants share one group commit; every state change happens between awaits.
/// </summary>
[Reentrant]
internal sealed class BudgetShardGrain(
    CouponLedger ledger,
    IOptions<CouponsOptions> options,
    TimeProvider clock,
    ILogger<BudgetShardGrain> logger) : Grain, IBudgetShardGrain
{
    private readonly Dictionary<DenialReason, long> denials = [];
    // Appends still on their way to the ledger, by customer and key (see Settle).
    private readonly Dictionary<(string Customer, string Key), Task> appending = [];
    private string campaignId = "";
    private int shard;
    private CampaignTerms? terms;
    private ShardBudget budget = new(0, 0, 0);
    // Grants per second (stats) and, apart, claims admitted under the issuance ceiling: admissions are counted before the
    // claim may wait for a refill, or a burst arriving at an empty lease would all pass the ceiling together.
    private readonly IssuanceWindow window = new(null);
    private IssuanceWindow admissions = new(null);
    private long grantedCount;
    private long grantedAmount;
    private int inFlight;
    private bool exhausted;
    private Task? refill;
    private long chunk;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (campaign, rest) = CampaignKeys.Split(this.GetPrimaryKeyString());
        campaignId = campaign;
        shard = int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture);
        var lease = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).ShardLease(shard);
        if (lease is null)
        {
            return;
        }

        // Rebuilt from the ledger: what it spent is what it committed; rows lost in a crash were never acknowledged.
        var totals = await ledger.ShardTotalsAsync(campaignId, shard, cancellationToken);
        budget = new ShardBudget(lease.TotalLeased, totals.Amount, totals.LastSeq);
        grantedCount = totals.Count;
        grantedAmount = totals.Amount;
        Apply(lease.Terms);
        exhausted = lease.BudgetExhausted;
        CouponsLog.ShardRebuilt(logger, campaignId, shard, totals.Count, totals.Amount, lease.TotalLeased);
    }

    public async Task<ClaimResult> Grant(ShardGrantRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        if (terms is null)
        {
            return Deny(DenialReason.UnknownCampaign);
        }

        if (!terms.IsOpenAt(now))
        {
            return Deny(DenialReason.CampaignNotActive);
        }

        if (request.Tier < 0 || request.Tier >= terms.Spec.Tiers.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"Tier {request.Tier} is not one of the campaign's tiers.");
        }

        // Bounded queue: refuse instead of piling up claims behind the ledger or a refill.
        if (inFlight >= options.Value.MaxInFlightPerShard)
        {
            return Busy();
        }

        if (!admissions.HasRoom(now))
        {
            return Busy();
        }

        admissions.Count(now);

        var tier = terms.Spec.Tiers[request.Tier];
        inFlight++;
        try
        {
            long seq;
            while (!budget.TryReserve(tier.FaceValue, out seq))
            {
                if (exhausted)
                {
                    return Deny(DenialReason.BudgetExhausted);
                }

                await Refill();
                if (!terms.IsOpenAt(clock.GetUtcNow()))
                {
                    return Deny(DenialReason.CampaignNotActive);
                }
            }

            window.Count(now);
            if (!exhausted && budget.ShouldRefill(chunk, LargestFaceValue()))
            {
                // Ahead of need, so claims rarely wait for a lease; a failure shows on the next awaited refill.
                _ = Refill().ContinueWith(static t => _ = t.Exception, TaskScheduler.Current);
            }

            // Whole milliseconds, as the ledger keeps them: a repeated key after a restart returns the very same grant.
            var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
            var grant = new CouponGrant(CouponId(seq), campaignId, request.CustomerId, request.IdempotencyKey, tier.FaceValue,
                tier.MinSpend, request.Tier, at + terms.Spec.CouponValidity, at, request.Channel);
            var append = ledger.AppendAsync(new GrantRow(shard, seq, grant));
            var pending = (request.CustomerId, request.IdempotencyKey);
            appending[pending] = append;
            try
            {
                await append;
            }
            catch (Exception e)
            {
                CouponsLog.AppendFailed(logger, e, campaignId, shard);
                throw;
            }
            finally
            {
                appending.Remove(pending);
            }

            grantedCount++;
            grantedAmount += tier.FaceValue;
            CouponsTelemetry.Grants.Add(1);
            CouponsTelemetry.GrantedAmount.Add(tier.FaceValue);
            return ClaimResult.Granted(grant);
        }
        finally
        {
            inFlight--;
        }
    }

    public async Task Settle(string customerId, string idempotencyKey)
    {
        if (appending.TryGetValue((customerId, idempotencyKey), out var append))
        {
            // Its outcome is the caller's to read from the ledger; only the waiting matters here.
            await append.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public Task TermsChanged(CampaignTerms terms)
    {
        Apply(terms);
        return Task.CompletedTask;
    }

    public Task RecordDenial(DenialReason reason)
    {
        Count(reason);
        return Task.CompletedTask;
    }

    public Task<ShardStats> Stats() => Task.FromResult(new ShardStats(grantedCount, grantedAmount, budget.Leased,
        new Dictionary<DenialReason, long>(denials), window.RatePerSecond(clock.GetUtcNow())));

    // One refill at a time; every claim short of budget waits for the same one.
    private Task Refill()
    {
        if (refill is null)
        {
            var started = RefillOnce();
            if (!started.IsCompleted)
            {
                refill = started;
            }

            return started;
        }

        return refill;
    }

    private async Task RefillOnce()
    {
        try
        {
            var lease = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).LeaseBudget(shard, chunk);
            if (lease is null)
            {
                exhausted = true;
                return;
            }

            budget.LeasedTotal(lease.TotalLeased);
            Apply(lease.Terms);
            // Nothing granted to an active campaign's shard means nothing is left to lease.
            exhausted = lease.Granted == 0 && lease.Terms.Status == CampaignStatus.Active;
        }
        finally
        {
            refill = null;
        }
    }

    private void Apply(CampaignTerms campaign)
    {
        if (terms is not null && campaign.Version < terms.Version)
        {
            return;   // a lease answer older than a status change already applied
        }

        var first = terms is null;
        terms = campaign;
        if (first)
        {
            var spec = campaign.Spec;
            admissions = new IssuanceWindow(spec.MaxClaimsPerSecond is { } max ? Math.Max(1, max / spec.Shards) : null);
            chunk = ShardBudget.Chunk(spec.Budget, spec.Shards, options.Value.LeaseChunksPerShard, LargestFaceValue());
        }
    }

    private long LargestFaceValue() => terms!.Spec.Tiers.Max(t => t.FaceValue);

    private ClaimResult Deny(DenialReason reason)
    {
        Count(reason);
        return ClaimResult.Denied(reason);
    }

    private void Count(DenialReason reason)
    {
        denials[reason] = denials.GetValueOrDefault(reason) + 1;
        CouponsTelemetry.Denials.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
    }

    private ClaimResult Busy()
    {
        CouponsTelemetry.Refused.Add(1);
        return ClaimResult.Busy(options.Value.RetryAfter);
    }

    // campaign.shard.seq makes the id unique (it is the ledger's primary key); the random tail makes it unguessable.
    private string CouponId(long seq) =>
        $"{campaignId}.{shard}.{seq}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
