namespace CommerceBrain.Coupons.Storage;

/// <summary>One <c>coupon_redemptions</c> row: the order that used the coupon and, after a refund, when it came back.</summary>
internal sealed record RedemptionRow(string CouponId, string OrderId, string CustomerId, long Amount, DateTimeOffset At, DateTimeOffset? ReturnedAt)
{
    /// <summary>Whether an order holds the coupon now.</summary>
    public bool IsHeld => ReturnedAt is null;
}
