namespace CommerceBrain.Coupons.Contracts;

/// <summary>How a redemption at checkout ended.</summary>
[GenerateSerializer]
[Alias("coupons.redemption-outcome")]
public enum RedemptionOutcome
{
    /// <summary>Applied to the order now (the redemption record is committed).</summary>
    Redeemed,

    /// <summary>The same order redeemed it before: the same answer again.</summary>
    Repeated,

    /// <summary>Another order holds it.</summary>
    AlreadyRedeemed,

    /// <summary>No such coupon, or it belongs to another customer.</summary>
    NotFound,

    /// <summary>Its <c>expires_at</c> has passed.</summary>
    Expired,

    /// <summary>The order total is below the coupon's minimum spend.</summary>
    BelowMinSpend,
}
