namespace CommerceBrain.Coupons.Api;

/// <summary>A campaign with its figures, as admins see it.</summary>
public sealed record CampaignResponse(
    string Id,
    string Name,
    string Status,
    long Budget,
    IReadOnlyList<TierRequest> Tiers,
    int PerUserLimit,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    EligibilityRequest Eligibility,
    int? MaxClaimsPerSecond,
    int Shards,
    DateTimeOffset CreatedAt,
    CampaignStatsResponse Stats,
    string Allocation = ApiNames.Lowest)
{
    /// <summary>Whether a refunded order gives its coupon back.</summary>
    public bool ReturnOnRefund { get; init; } = true;
}
