using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Tests;

/// <summary>Builds campaign specs for tests: an open window around now, one tier of 100 unless told.</summary>
internal static class Campaign
{
    public static CampaignSpec With(long budget = 10_000, int perUserLimit = 1, int shards = 4, long[]? faceValues = null,
        CampaignEligibility? eligibility = null, int? maxClaimsPerSecond = null, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null) =>
        new("test campaign", budget, [.. (faceValues ?? [100]).Select(v => new CouponTier(v, v * 5))], perUserLimit,
            startsAt ?? DateTimeOffset.UtcNow.AddHours(-1), endsAt ?? DateTimeOffset.UtcNow.AddDays(1),
            eligibility ?? CampaignEligibility.Anyone, maxClaimsPerSecond, shards, TimeSpan.FromDays(30));

    public static string NewId() => Guid.NewGuid().ToString("N");
}
