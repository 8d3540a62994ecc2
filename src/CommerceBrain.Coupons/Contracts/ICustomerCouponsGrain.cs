namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// A customer's campaign coupons across every campaign, keyed by customer id: what <c>GET /api/me/coupons</c> and the
/// chat's coupon answers show. Reads the grant ledger and redemptions each call (a stateless worker; nothing cached).
/// </summary>
[Alias("coupons.customer-coupons")]
public interface ICustomerCouponsGrain : IGrainWithStringKey
{
    /// <summary>The customer's coupons, oldest first.</summary>
    [Alias("list")]
    Task<IReadOnlyList<CustomerCoupon>> List();
}
