using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Coupons.Api;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Coupons.Refunds;

/// <summary>
/// Gives back the coupons redeemed on an order once the order as a whole is refunded, through each coupon's redemption
/// grain (which applies the campaign's returnOnRefund and the coupon's expiry). Idempotent: a coupon already returned for
/// that order answers <see cref="ReturnOutcome.Returned"/> again and nothing changes. A partly refunded order keeps its
/// coupons, because the coupon was applied to the order as a whole.
/// </summary>
internal sealed class CouponRefundListener(RedemptionStore store, IGrainFactory grains, ILogger<CouponRefundListener> logger) : IOrderRefundListener
{
    public async Task OnOrderRefundedAsync(OrderRefunded refunded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refunded);
        if (!refunded.WholeOrderRefunded)
        {
            return;
        }

        // Only the order's own customer's redemptions: a redemption names whatever order id its customer gave.
        var coupons = await store.CouponsRedeemedOnAsync(refunded.OrderId, refunded.CustomerId, cancellationToken);
        List<Exception>? failures = null;
        foreach (var couponId in coupons)
        {
            try
            {
                var outcome = await grains.GetGrain<ICouponRedemptionGrain>(couponId).Return(refunded.OrderId).WaitAsync(cancellationToken);
                CouponsLog.ReturnedOnRefund(logger, refunded.OrderId, refunded.RefundId, couponId, ApiNames.Of(outcome));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Try the order's other coupons too; the order grain logs the failure and a repeated decision retries.
                (failures ??= []).Add(exception);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException($"Returning {failures.Count} coupon(s) of order {refunded.OrderId} failed.", failures);
        }
    }
}
