using Orleans.Concurrency;

namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// A customer's commerce data (profile, orders, coupons), keyed by customer id. Reads from the commerce tables and keeps
/// what it read until told that it changed: every order change goes through an <see cref="IOrderGrain"/>, which tells
/// the customer's grain (<see cref="OrdersChanged"/>).
/// </summary>
[Alias("commerce.customer")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>The customer; null when unknown.</summary>
    [ReadOnly]
    [Alias("get")]
    Task<CustomerView?> Get();

    /// <summary>The customer's most recent orders, newest first (at most <paramref name="limit"/>, 1–100).</summary>
    [ReadOnly]
    [Alias("recent-orders")]
    Task<IReadOnlyList<OrderView>> RecentOrders(int limit);

    /// <summary>The customer's coupons, available first, then by expiry.</summary>
    [ReadOnly]
    [Alias("coupons")]
    Task<IReadOnlyList<CouponView>> Coupons();

    /// <summary>One of the customer's orders changed or a new one was placed: the next read goes to the tables again.</summary>
    [OneWay]
    [Alias("orders-changed")]
    Task OrdersChanged();

    /// <summary>The customer's coupons changed (granted, used, expired): the next read goes to the tables again.</summary>
    [OneWay]
    [Alias("coupons-changed")]
    Task CouponsChanged();
}
