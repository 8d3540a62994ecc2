namespace CommerceBrain.Coupons.Contracts;

/// <summary>A coupon tier: <paramref name="FaceValue"/> off an order of at least <paramref name="MinSpend"/> (minor units).</summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.tier")]
public sealed record CouponTier(
    [property: Id(0)] long FaceValue,
    [property: Id(1)] long MinSpend);
