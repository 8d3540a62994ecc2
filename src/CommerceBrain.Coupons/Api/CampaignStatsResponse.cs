namespace CommerceBrain.Coupons.Api;

/// <summary>A campaign's figures: granted count and amount, remaining budget, leased to shards, denials by reason, grants per second.</summary>
public sealed record CampaignStatsResponse(
    long GrantedCount,
    long GrantedAmount,
    long Remaining,
    long Leased,
    IReadOnlyDictionary<string, long> Denials,
    double RatePerSecond);
