namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// One coupon at checkout, keyed by coupon id: the single writer of its redemption record, so concurrent redemptions
/// of one coupon run one at a time and exactly one order gets it. The grant comes from the ledger.
/// </summary>
[Alias("coupons.redemption")]
public interface ICouponRedemptionGrain : IGrainWithStringKey
{
    /// <summary>Applies the coupon of <paramref name="customerId"/> to <paramref name="orderId"/> (total in minor units).</summary>
    [Alias("redeem")]
    Task<RedemptionResult> Redeem(string customerId, string orderId, long orderTotal);

    /// <summary>Gives the coupon back after <paramref name="orderId"/> was refunded, if the campaign allows it and it has not expired.</summary>
    [Alias("return")]
    Task<ReturnOutcome> Return(string orderId);
}
