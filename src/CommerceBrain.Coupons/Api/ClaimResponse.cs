namespace CommerceBrain.Coupons.Api;

/// <summary>A granted coupon as the customer sees it.</summary>
public sealed record ClaimResponse(string CouponId, long Value, long MinSpend, DateTimeOffset ExpiresAt);
