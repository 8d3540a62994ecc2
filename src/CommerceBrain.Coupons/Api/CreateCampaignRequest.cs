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
    /// <summary>
    /// The claims per second the campaign expects at its peak; without <c>shards</c> it chooses the shard count
    /// (<see cref="CouponsOptions.ClaimsPerSecondPerShard"/> per shard).
    /// </summary>
    public int? ExpectedClaimsPerSecond { get; init; }

    /// <summary>Whether a refunded order gives its coupon back (default true).</summary>
    public bool? ReturnOnRefund { get; init; }
}
