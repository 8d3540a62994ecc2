namespace CommerceBrain.Coupons.Api;

/// <summary>A coupon given back after a refund, and its status now.</summary>
public sealed record ReturnResponse(string CouponId, string Status);
