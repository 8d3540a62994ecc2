namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// A granted coupon: <paramref name="Value"/> minor units off an order of at least <paramref name="MinSpend"/>.
/// <paramref name="Channel"/> is where the customer claimed it (the claim's body), part of what a repeated key must match.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.grant")]
public sealed record CouponGrant(
    [property: Id(0)] string CouponId,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string IdempotencyKey,
    [property: Id(4)] long Value,
    [property: Id(5)] long MinSpend,
    [property: Id(6)] int Tier,
    [property: Id(7)] DateTimeOffset ExpiresAt,
    [property: Id(8)] DateTimeOffset GrantedAt,
    [property: Id(9)] string? Channel = null);
