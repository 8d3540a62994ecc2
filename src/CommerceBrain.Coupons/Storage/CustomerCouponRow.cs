using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Storage;

/// <summary>A customer's grant and, when it was ever redeemed, its redemption record.</summary>
internal sealed record CustomerCouponRow(CouponGrant Grant, RedemptionRow? Redemption);
