using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Storage;

namespace CommerceBrain.Commerce.Grains;

/// <summary>A customer's commerce data, read from the commerce tables on every call (they are the truth; orders change under other grains).</summary>
internal sealed class CustomerGrain(CommerceStore store) : Grain, ICustomerGrain
{
    public Task<CustomerView?> Get() => store.GetCustomerAsync(this.GetPrimaryKeyString());

    public Task<IReadOnlyList<OrderView>> RecentOrders(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, CommerceStore.MaxPage);
        return store.ListCustomerOrdersAsync(this.GetPrimaryKeyString(), 0, limit);
    }

    public Task<IReadOnlyList<CouponView>> Coupons() => store.ListCouponsAsync(this.GetPrimaryKeyString());
}
