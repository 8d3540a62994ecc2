namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// A campaign as created: a total <paramref name="Budget"/> in minor units, its tiers (lowest face value first), at
/// most <paramref name="PerUserLimit"/> coupons per customer, claimable in [<paramref name="StartsAt"/>,
/// <paramref name="EndsAt"/>), an optional issuance ceiling, the number of budget shards and how tiers are allocated.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.campaign-spec")]
public sealed record CampaignSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] long Budget,
    [property: Id(2)] IReadOnlyList<CouponTier> Tiers,
    [property: Id(3)] int PerUserLimit,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] CampaignEligibility Eligibility,
    [property: Id(7)] int? MaxClaimsPerSecond,
    [property: Id(8)] int Shards,
    [property: Id(9)] TimeSpan CouponValidity)
{
    /// <summary>How claims get their tier; <see cref="TierAllocation.Lowest"/> unless the campaign asked for the optimiser.</summary>
    [Id(10)]
    public TierAllocation Allocation { get; init; }

    /// <summary>
    /// Keep a redeemed coupon used when its order is refunded. Stored negated so that campaigns saved before the
    /// option existed (the field absent, false) keep the default: a refund gives the coupon back.
    /// </summary>
    [Id(11)]
    public bool KeepOnRefund { get; init; }

    /// <summary>Whether a refunded order gives its coupon back (the default).</summary>
    public bool ReturnOnRefund => !KeepOnRefund;
}
