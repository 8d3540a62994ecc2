namespace CommerceBrain.Load.Double11.Api;

/// <summary>
/// What a claim came to: a coupon (<see cref="CouponId"/>; <see cref="Repeated"/> when the key had been used) or a denial
/// (<see cref="DeniedReason"/>: budget_exhausted, per_user_limit, not_eligible, campaign_not_active).
/// </summary>
public sealed record ClaimOutcome(string? CouponId, bool Repeated, string? DeniedReason);
