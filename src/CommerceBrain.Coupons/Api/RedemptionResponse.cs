namespace CommerceBrain.Coupons.Api;

/// <summary>A coupon applied to an order: <paramref name="Amount"/> minor units off.</summary>
public sealed record RedemptionResponse(string CouponId, string OrderId, long Amount, DateTimeOffset RedeemedAt);
