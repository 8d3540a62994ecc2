namespace CommerceBrain.Coupons.Api;

/// <summary>The body of <c>POST /api/coupons/{couponId}/return</c>: the refunded order.</summary>
public sealed record ReturnRequest(string? OrderId);
