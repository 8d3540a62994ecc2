namespace CommerceBrain.Commerce.Contracts;

/// <summary>A coupon in a customer's wallet.</summary>
[GenerateSerializer]
public enum CouponStatus
{
    Available,
    Used,
    Expired,
}
