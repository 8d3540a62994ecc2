using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Storage;

/// <summary>One <c>coupon_grants</c> row: the grant and where it came from (shard, its sequence number there).</summary>
internal sealed record GrantRow(int Shard, long Seq, CouponGrant Grant);
