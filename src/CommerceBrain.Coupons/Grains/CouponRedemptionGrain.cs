using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Coupons.Grains;

/// <summary>
/// One coupon at checkout. Not reentrant: it is the only writer of the coupon's redemption row, so of concurrent
/// redemptions exactly one is applied. The grant and the redemption come from the database on activation.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
internal sealed class CouponRedemptionGrain(RedemptionStore store, TimeProvider clock, ILogger<CouponRedemptionGrain> logger)
    : Grain, ICouponRedemptionGrain
{
    private CouponGrant? grant;
    private RedemptionRow? redemption;
    private CampaignTerms? terms;

    private string CouponId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        grant = await store.GrantAsync(CouponId, cancellationToken);
        if (grant is null)
        {
            return;
        }

        redemption = await store.RedemptionAsync(CouponId, cancellationToken);
        terms = await GrainFactory.GetGrain<ICampaignGrain>(grant.CampaignId).Terms();
        var tiers = terms?.Spec.Tiers;
        grant = grant with { MinSpend = tiers is not null && grant.Tier >= 0 && grant.Tier < tiers.Count ? tiers[grant.Tier].MinSpend : 0 };
    }

    public async Task<RedemptionResult> Redeem(string customerId, string orderId, long orderTotal)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(orderId);

        // Another customer's coupon is indistinguishable from none, so ids cannot be probed.
        if (grant is null || !string.Equals(grant.CustomerId, customerId, StringComparison.Ordinal))
        {
            return RedemptionResult.Refused(RedemptionOutcome.NotFound, CouponId);
        }

        if (redemption is { IsHeld: true } held)
        {
            return string.Equals(held.OrderId, orderId, StringComparison.Ordinal)
                ? new RedemptionResult(RedemptionOutcome.Repeated, CouponId, held.OrderId, held.Amount, held.At, grant.MinSpend)
                : RedemptionResult.Refused(RedemptionOutcome.AlreadyRedeemed, CouponId, grant.MinSpend);
        }

        var now = clock.GetUtcNow();
        if (now >= grant.ExpiresAt)
        {
            return Refuse(RedemptionOutcome.Expired);
        }

        if (orderTotal < grant.MinSpend)
        {
            return Refuse(RedemptionOutcome.BelowMinSpend);
        }

        var row = new RedemptionRow(CouponId, orderId, customerId, Math.Min(grant.Value, Math.Max(0, orderTotal)), now, null);
        await Write(() => store.WriteRedemptionAsync(row));
        redemption = row;
        CouponsTelemetry.Redemptions.Add(1);
        CouponsTelemetry.RedeemedAmount.Add(row.Amount);
        return new RedemptionResult(RedemptionOutcome.Redeemed, CouponId, orderId, row.Amount, now, grant.MinSpend);
    }

    public async Task<ReturnOutcome> Return(string orderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        if (grant is null)
        {
            return ReturnOutcome.NotFound;
        }

        if (redemption is null || !string.Equals(redemption.OrderId, orderId, StringComparison.Ordinal))
        {
            return ReturnOutcome.NotRedeemed;
        }

        if (!redemption.IsHeld)
        {
            return ReturnOutcome.Returned;
        }

        terms ??= await GrainFactory.GetGrain<ICampaignGrain>(grant.CampaignId).Terms();
        if (terms is { Spec.ReturnOnRefund: false })
        {
            return ReturnOutcome.NotReturnable;
        }

        var now = clock.GetUtcNow();
        if (now >= grant.ExpiresAt)
        {
            return ReturnOutcome.Expired;
        }

        var returned = false;
        await Write(async () => returned = await store.WriteReturnAsync(CouponId, orderId, now));
        if (!returned)
        {
            // Only this grain writes the row, so a miss means memory and database disagree: start again from the database.
            DeactivateOnIdle();
            throw new InvalidOperationException($"Coupon {CouponId}: its redemption row did not match on return.");
        }

        redemption = redemption with { ReturnedAt = now };
        CouponsTelemetry.Returns.Add(1);
        CouponsLog.CouponReturned(logger, grant.CampaignId, CouponId);
        return ReturnOutcome.Returned;
    }

    private RedemptionResult Refuse(RedemptionOutcome outcome)
    {
        CouponsTelemetry.RedemptionsRefused.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        return RedemptionResult.Refused(outcome, CouponId, grant!.MinSpend);
    }

    private async Task Write(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception exception)
        {
            // The write may have committed even though it failed here: reload the row on the next call.
            CouponsLog.RedemptionWriteFailed(logger, exception, CouponId);
            DeactivateOnIdle();
            throw;
        }
    }
}
