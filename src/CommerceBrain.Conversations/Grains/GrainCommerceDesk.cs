using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Conversations.Policy;
using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Conversations.Grains;

/// <summary>
/// The policy's commerce data and actions in the silo: the commerce module's grains, and for coupons also the coupons
/// module's campaign grants (through its contract), so the chat shows every coupon the customer holds.
/// </summary>
internal sealed class GrainCommerceDesk(IGrainFactory grains) : ICommerceDesk
{
    public Task<CustomerView?> GetCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        grains.GetGrain<ICustomerGrain>(customerId).Get();

    public Task<IReadOnlyList<OrderView>> RecentOrdersAsync(string customerId, int limit, CancellationToken cancellationToken) =>
        grains.GetGrain<ICustomerGrain>(customerId).RecentOrders(limit);

    public Task<OrderView?> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        grains.GetGrain<IOrderGrain>(orderId).Get();

    public async Task<IReadOnlyList<CouponView>> CouponsAsync(string customerId, CancellationToken cancellationToken)
    {
        var wallet = grains.GetGrain<ICustomerGrain>(customerId).Coupons();
        var campaigns = grains.GetGrain<ICustomerCouponsGrain>(customerId).List();
        await Task.WhenAll(wallet, campaigns);
        return [.. wallet.Result, .. campaigns.Result.Select(ToView)];
    }

    // Campaign coupons are platform coupons (no shop); a redeemed one is "used" in the wallet's terms.
    private static CouponView ToView(CustomerCoupon coupon) => new(
        coupon.CouponId,
        string.IsNullOrEmpty(coupon.CampaignName) ? "Campaign coupon" : coupon.CampaignName,
        coupon.Value,
        coupon.MinSpend,
        MerchantId: null,
        coupon.ExpiresAt,
        coupon.Status switch
        {
            CustomerCouponStatus.Redeemed => CouponStatus.Used,
            CustomerCouponStatus.Expired => CouponStatus.Expired,
            _ => CouponStatus.Available,
        });

    public Task<AddressChangeResult> ChangeAddressAsync(string orderId, AddressChange change, CancellationToken cancellationToken) =>
        grains.GetGrain<IOrderGrain>(orderId).ChangeAddress(change);

    public Task<RefundRequestResult> RequestRefundAsync(string orderId, RefundRequest request, CancellationToken cancellationToken) =>
        grains.GetGrain<IOrderGrain>(orderId).RequestRefund(request);
}
