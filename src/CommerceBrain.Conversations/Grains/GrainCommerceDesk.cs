using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Conversations.Policy;

namespace CommerceBrain.Conversations.Grains;

/// <summary>The policy's commerce data and actions in the silo: the commerce module's grains.</summary>
internal sealed class GrainCommerceDesk(IGrainFactory grains) : ICommerceDesk
{
    public Task<CustomerView?> GetCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        grains.GetGrain<ICustomerGrain>(customerId).Get();

    public Task<IReadOnlyList<OrderView>> RecentOrdersAsync(string customerId, int limit, CancellationToken cancellationToken) =>
        grains.GetGrain<ICustomerGrain>(customerId).RecentOrders(limit);

    public Task<OrderView?> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        grains.GetGrain<IOrderGrain>(orderId).Get();

    public Task<IReadOnlyList<CouponView>> CouponsAsync(string customerId, CancellationToken cancellationToken) =>
        grains.GetGrain<ICustomerGrain>(customerId).Coupons();

    public Task<AddressChangeResult> ChangeAddressAsync(string orderId, AddressChange change, CancellationToken cancellationToken) =>
        grains.GetGrain<IOrderGrain>(orderId).ChangeAddress(change);

    public Task<RefundRequestResult> RequestRefundAsync(string orderId, RefundRequest request, CancellationToken cancellationToken) =>
        grains.GetGrain<IOrderGrain>(orderId).RequestRefund(request);
}
