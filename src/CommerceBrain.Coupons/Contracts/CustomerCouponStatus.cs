namespace CommerceBrain.Coupons.Contracts;

/// <summary>Where one of a customer's campaign coupons stands.</summary>
public enum CustomerCouponStatus
{
    /// <summary>Not redeemed and not expired.</summary>
    Available = 0,

    /// <summary>An order holds it (redeemed and not returned).</summary>
    Redeemed = 1,

    /// <summary>Past its expiry without being used.</summary>
    Expired = 2,
}
