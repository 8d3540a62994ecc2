namespace CommerceBrain.Load.Double11.Api;

/// <summary>A coupon of <c>GET /api/me/coupons</c>.</summary>
public sealed record CustomerCoupon(string CouponId, string CampaignId, long Value, string Status);
