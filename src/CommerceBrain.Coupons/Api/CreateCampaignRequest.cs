namespace CommerceBrain.Coupons.Api;

/// <summary>The body of <c>POST /api/campaigns</c> (amounts in minor units).</summary>
public sealed record CreateCampaignRequest(
    string? Name,
    long? Budget,
    IReadOnlyList<TierRequest>? Tiers,
    int? PerUserLimit,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    EligibilityRequest? Eligibility,
    int? MaxClaimsPerSecond,
    int? Shards,
    int? CouponValidDays);
