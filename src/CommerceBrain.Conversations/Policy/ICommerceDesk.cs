using CommerceBrain.Commerce.Contracts;

namespace CommerceBrain.Conversations.Policy;

/// <summary>The policy's view of commerce data and actions (in the silo: the commerce module's grains).</summary>
public interface ICommerceDesk
{
    Task<CustomerView?> GetCustomerAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>The customer's recent orders, newest first.</summary>
    Task<IReadOnlyList<OrderView>> RecentOrdersAsync(string customerId, int limit, CancellationToken cancellationToken);

    /// <summary>An order; null when unknown.</summary>
    Task<OrderView?> GetOrderAsync(string orderId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CouponView>> CouponsAsync(string customerId, CancellationToken cancellationToken);

    Task<AddressChangeResult> ChangeAddressAsync(string orderId, AddressChange change, CancellationToken cancellationToken);

    Task<RefundRequestResult> RequestRefundAsync(string orderId, RefundRequest request, CancellationToken cancellationToken);
}
