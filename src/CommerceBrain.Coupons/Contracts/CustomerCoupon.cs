namespace CommerceBrain.Coupons.Contracts;

/// <summary>One coupon a customer was granted by a campaign, with where it stands now.</summary>
/// <param name="CouponId">The coupon.</param>
/// <param name="CampaignId">The campaign that granted it.</param>
/// <param name="CampaignName">The campaign's name (empty when the campaign is unknown).</param>
/// <param name="Value">Face value in minor units.</param>
/// <param name="MinSpend">The order total it needs, in minor units.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="Status">Available, redeemed or expired.</param>
/// <param name="OrderId">The order holding it when redeemed.</param>
[GenerateSerializer]
[Immutable]
[Alias("coupons.customer-coupon")]
public sealed record CustomerCoupon(
    [property: Id(0)] string CouponId,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] string CampaignName,
    [property: Id(3)] long Value,
    [property: Id(4)] long MinSpend,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] CustomerCouponStatus Status,
    [property: Id(7)] string? OrderId);
