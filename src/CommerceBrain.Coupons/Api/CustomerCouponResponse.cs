namespace CommerceBrain.Coupons.Api;

/// <summary>One of the customer's coupons: <paramref name="Status"/> is <c>available</c>, <c>redeemed</c> or <c>expired</c>.</summary>
public sealed record CustomerCouponResponse(string CouponId, string CampaignId, long Value, long MinSpend, DateTimeOffset ExpiresAt,
    string Status, string? OrderId);
