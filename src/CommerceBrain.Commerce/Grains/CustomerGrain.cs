using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Storage;

namespace CommerceBrain.Commerce.Grains;

/// <summary>
/// A customer's commerce data. The tables are the truth; the grain keeps what it last read (the bot asks for the same
/// customer's orders on many turns) until an order grain reports a change of one of the customer's orders.
/// </summary>
internal sealed class CustomerGrain(CommerceStore store) : Grain, ICustomerGrain
{
    private CustomerView? customer;
    private IReadOnlyList<OrderView>? recent;
    private int recentLimit;
    private IReadOnlyList<CouponView>? coupons;

    public async Task<CustomerView?> Get() => customer ??= await store.GetCustomerAsync(this.GetPrimaryKeyString());

    public async Task<IReadOnlyList<OrderView>> RecentOrders(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, CommerceStore.MaxPage);
        if (recent is null || (limit > recentLimit && recent.Count == recentLimit))
        {
            recent = await store.ListCustomerOrdersAsync(this.GetPrimaryKeyString(), 0, limit);
            recentLimit = limit;
        }

        return recent.Count <= limit ? recent : recent.Take(limit).ToArray();
    }

    public async Task<IReadOnlyList<CouponView>> Coupons() => coupons ??= await store.ListCouponsAsync(this.GetPrimaryKeyString());

    public Task OrdersChanged()
    {
        recent = null;
        return Task.CompletedTask;
    }

    public Task CouponsChanged()
    {
        coupons = null;
        return Task.CompletedTask;
    }
}
