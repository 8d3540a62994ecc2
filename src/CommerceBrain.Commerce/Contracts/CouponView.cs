namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// A coupon a customer holds. <paramref name="MerchantId"/> null means a platform coupon usable in every shop.
/// Amounts in minor units.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.coupon")]
public sealed record CouponView(
    [property: Id(0)] string CouponId,
    [property: Id(1)] string Title,
    [property: Id(2)] long FaceValueMinor,
    [property: Id(3)] long MinSpendMinor,
    [property: Id(4)] string? MerchantId,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] CouponStatus Status);
