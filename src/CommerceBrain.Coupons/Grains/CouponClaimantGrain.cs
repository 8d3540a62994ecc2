using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Serving;
using CommerceBrain.Coupons.Storage;
using CommerceBrain.Coupons.Tiers;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Coupons.Grains;

/// <summary>
/// One customer in one campaign. Not reentrant: the customer's claims run one at a time, so the per-user limit and
/// the idempotency key are exact however many silos the claims arrive on. Its grants come from the ledger.
/// </summary>
/// <remarks>A flash sale activates one claimant per customer, so they are collected after a short idle time.</remarks>
[CollectionAgeLimit(Minutes = 2)]
internal sealed class CouponClaimantGrain(
    CouponLedger ledger,
    TierChoosers choosers,
    IOptions<CouponsOptions> options,
    TimeProvider clock) : Grain, ICouponClaimantGrain
{
    private readonly Dictionary<string, CouponGrant> byKey = new(StringComparer.Ordinal);
    private readonly List<CouponGrant> grants = [];
    private string campaignId = "";
    private string customerId = "";
    private CampaignTerms? terms;
    private string? segment;
    private CustomerFeatures? features;

    // A shard call that failed (a timeout, a lost silo, a failed commit) may still commit its grant later: the shard
    // and key are kept until that shard says nothing for the key is in flight any more.
    private (int Shard, string Key)? uncertain;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (campaignId, customerId) = CampaignKeys.Split(this.GetPrimaryKeyString());
        terms = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).Terms();
        if (terms is null)
        {
            return;
        }

        await LoadGrants(cancellationToken);
    }

    public Task<ClaimResult> Claim(string idempotencyKey) => ClaimFrom(idempotencyKey, null);

    public async Task<ClaimResult> ClaimFrom(string idempotencyKey, string? channel)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        terms ??= await GrainFactory.GetGrain<ICampaignGrain>(campaignId).Terms();
        if (terms is null)
        {
            return ClaimResult.Denied(DenialReason.UnknownCampaign);
        }

        if (uncertain is { } unsettled)
        {
            // The ledger is the truth: a grant committed after its claim failed counts, and its key returns it. The
            // shard first waits out that grant's append, so the re-read cannot run ahead of a late commit.
            await GrainFactory.GetGrain<IBudgetShardGrain>(CampaignKeys.Shard(campaignId, unsettled.Shard)).Settle(customerId, unsettled.Key);
            await LoadGrants(CancellationToken.None);
            uncertain = null;
        }

        if (byKey.TryGetValue(idempotencyKey, out var earlier))
        {
            // A key names one request: the same key with another body is the client's mistake, not a second coupon.
            return string.Equals(earlier.Channel, channel, StringComparison.Ordinal)
                ? ClaimResult.Repeated(earlier)
                : ClaimResult.KeyReused(earlier);
        }

        var spec = terms.Spec;
        var home = Math.Abs(customerId.GetHashCode(StringComparison.Ordinal) % spec.Shards);
        if (grants.Count >= spec.PerUserLimit)
        {
            return await DenyHere(home, DenialReason.PerUserLimit);
        }

        if (spec.Allocation == TierAllocation.Optimised && choosers.Optimiser != OptimiserAvailability.Ready)
        {
            // Before any shard is asked: a silo without its model grants nothing rather than guessing a tier.
            return ClaimResult.Unavailable(choosers.OptimiserRetryAfter);
        }

        var chooser = choosers.For(terms);
        if (spec.Eligibility.Restricts || chooser.NeedsCustomer)
        {
            // A customer the shop does not know yet is a new customer.
            segment ??= (await GrainFactory.GetGrain<ICustomerGrain>(customerId).Get())?.Segment ?? CustomerSegments.New;
            if (!spec.Eligibility.Admits(segment))
            {
                return await DenyHere(home, DenialReason.NotEligible);
            }
        }

        if (chooser.NeedsCustomer)
        {
            features ??= await ReadFeatures(segment!);
        }

        TierDecision decision;
        try
        {
            decision = await chooser.ChooseAsync(new TierContext(terms, customerId, features, choosers.Pacing(terms, clock.GetUtcNow())));
        }
        catch (ConversionModelNotReadyException)
        {
            return ClaimResult.Unavailable(choosers.OptimiserRetryAfter);
        }

        if (decision.IsNone)
        {
            // The optimiser judged no coupon worth its budget price for this customer now.
            return await DenyHere(home, DenialReason.NotEligible);
        }

        var request = new ShardGrantRequest(customerId, idempotencyKey, decision.Tier, channel);
        ClaimResult result = ClaimResult.Denied(DenialReason.BudgetExhausted);

        // Starting at a random shard spreads one hot campaign over all shards; at the end of the budget the other
        // shards may still hold the rest of their leases, so an exhausted shard sends the claim on.
        var start = Random.Shared.Next(spec.Shards);
        for (var i = 0; i < spec.Shards; i++)
        {
            var index = (start + i) % spec.Shards;
            var shard = GrainFactory.GetGrain<IBudgetShardGrain>(CampaignKeys.Shard(campaignId, index));
            try
            {
                result = await shard.Grant(request);
            }
            catch
            {
                uncertain = (index, idempotencyKey);
                throw;
            }

            if (result is not { Outcome: ClaimOutcome.Denied, Reason: DenialReason.BudgetExhausted })
            {
                break;
            }
        }

        if (result is { Outcome: ClaimOutcome.Granted, Grant: { } grant })
        {
            choosers.Granted(terms, grant.Value);
            Remember(grant);
        }

        return result;
    }

    public Task<IReadOnlyList<CouponGrant>> Grants() => Task.FromResult<IReadOnlyList<CouponGrant>>([.. grants]);

    private async Task<ClaimResult> DenyHere(int shard, DenialReason reason)
    {
        await GrainFactory.GetGrain<IBudgetShardGrain>(CampaignKeys.Shard(campaignId, shard)).RecordDenial(reason);
        return ClaimResult.Denied(reason);
    }

    // Read once per activation: the features change slowly, and a flash sale must not hammer the customer grain.
    private async Task<CustomerFeatures> ReadFeatures(string customerSegment)
    {
        var settings = options.Value;
        var orders = await GrainFactory.GetGrain<ICustomerGrain>(customerId).RecentOrders(settings.OptimiserRecentOrders);
        return CustomerFeatureReader.From(customerSegment, orders, clock.GetUtcNow(), settings.OptimiserTypicalBasket,
            settings.OptimiserPriceSensitivity);
    }

    private async Task LoadGrants(CancellationToken cancellationToken)
    {
        byKey.Clear();
        grants.Clear();
        foreach (var grant in await ledger.CustomerGrantsAsync(campaignId, customerId, cancellationToken))
        {
            Remember(grant with { MinSpend = MinSpend(grant.Tier) });
        }
    }

    private void Remember(CouponGrant grant)
    {
        byKey[grant.IdempotencyKey] = grant;
        grants.Add(grant);
    }

    private long MinSpend(int tier) => terms is { } t && tier >= 0 && tier < t.Spec.Tiers.Count ? t.Spec.Tiers[tier].MinSpend : 0;
}
