namespace CommerceBrain.Coupons.Contracts;

/// <summary>How returning a coupon after a refund ended.</summary>
[GenerateSerializer]
[Alias("coupons.return-outcome")]
public enum ReturnOutcome
{
    /// <summary>The coupon is usable again (also when it was already returned for this order).</summary>
    Returned,

    /// <summary>No such coupon.</summary>
    NotFound,

    /// <summary>The coupon is not redeemed by that order.</summary>
    NotRedeemed,

    /// <summary>The campaign does not give coupons back on refund.</summary>
    NotReturnable,

    /// <summary>The coupon has expired, so it stays used.</summary>
    Expired,
}
