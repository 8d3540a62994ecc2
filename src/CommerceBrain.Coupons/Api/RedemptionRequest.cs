namespace CommerceBrain.Coupons.Api;

/// <summary>The body of <c>POST /api/coupons/{couponId}/redemptions</c>: the order and its total in minor units.</summary>
public sealed record RedemptionRequest(string? OrderId, long? OrderTotal);
