namespace CommerceBrain.Coupons.Api;

/// <summary>The body of <c>POST /api/campaigns</c> (amounts in minor units); <c>allocation</c> is <c>lowest</c> (default) or <c>optimised</c>.</summary>
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
    int? CouponValidDays,
    string? Allocation = null)
{
    /// <summary>Whether a refunded order gives its coupon back (default true).</summary>
    public bool? ReturnOnRefund { get; init; }
}
