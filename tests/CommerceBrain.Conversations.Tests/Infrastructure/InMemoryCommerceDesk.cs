using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Conversations.Policy;

namespace CommerceBrain.Conversations.Tests.Infrastructure;

/// <summary>
/// A few customers, orders and coupons in memory, with the commerce module's rules the policy relies on: actions are
/// idempotent by request id, address changes only before shipment, one open refund per item, only the owner's orders.
/// </summary>
public sealed class InMemoryCommerceDesk : ICommerceDesk
{
    public const string Vip = "c-vip";
    public const string Regular = "c-regular";
    public const string Lonely = "c-no-orders";

    /// <summary>Delivered headphones, ¥2,399: high value.</summary>
    public const string HighValueOrder = "2026111100001";

    /// <summary>Shipped, two T-shirts and jeans, ¥358.</summary>
    public const string ShippedOrder = "2026111100002";

    /// <summary>Paid, not shipped yet, a mug set, ¥129 — the VIP's newest order.</summary>
    public const string PaidOrder = "2026111100003";

    /// <summary>The regular customer's only order (delivered, ¥89).</summary>
    public const string OtherCustomersOrder = "2026111100009";

    private static readonly DateTimeOffset T0 = new(2026, 11, 11, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly Dictionary<string, OrderView> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _byRequest = new(StringComparer.Ordinal);
    private int _refundSeq;

    public InMemoryCommerceDesk()
    {
        Add(new OrderView(HighValueOrder, Vip, TrainedNlu.ShopId, "Aurora Electronics", OrderStatus.Delivered,
            [new OrderItemView("AUR-HP-1", "Noise-cancelling headphones", 1, 239_900)], 239_900, "CNY", T0,
            "Room 1203, 88 Xinhua Road, Hangzhou",
            new ShipmentView("SF Express", "SF1234567890", T0.AddDays(1), T0.AddDays(3),
                [new TrackingEventView(T0.AddDays(1), "Hangzhou", "Picked up"), new TrackingEventView(T0.AddDays(3), "Hangzhou", "Delivered, signed by customer")]),
            []));
        Add(new OrderView(ShippedOrder, Vip, "m-cotton", "Cotton House", OrderStatus.Shipped,
            [new OrderItemView("CH-TS-2", "Cotton T-shirt", 2, 9_900), new OrderItemView("CH-JN-1", "Denim jeans", 1, 16_000)], 35_800, "CNY",
            T0.AddDays(1), "Room 1203, 88 Xinhua Road, Hangzhou",
            new ShipmentView("YTO", "YT9876543210", T0.AddDays(2), T0.AddDays(5),
                [new TrackingEventView(T0.AddDays(2), "Guangzhou", "Picked up"), new TrackingEventView(T0.AddDays(3), "Shanghai", "Arrived at sorting center")]),
            []));
        Add(new OrderView(PaidOrder, Vip, "m-kiln", "Kiln & Co", OrderStatus.Paid,
            [new OrderItemView("KC-MUG-4", "Ceramic mug set", 1, 12_900)], 12_900, "CNY", T0.AddDays(2),
            "Room 1203, 88 Xinhua Road, Hangzhou", null, []));
        Add(new OrderView(OtherCustomersOrder, Regular, "m-kiln", "Kiln & Co", OrderStatus.Delivered,
            [new OrderItemView("KC-BOWL-1", "Rice bowl", 1, 8_900)], 8_900, "CNY", T0, "Somewhere else 1", null, []));
    }

    public static DateTimeOffset Now => T0.AddDays(4);

    public List<(string OrderId, RefundRequest Request)> RefundCalls { get; } = [];

    public List<(string OrderId, AddressChange Change)> AddressCalls { get; } = [];

    public IReadOnlyList<CouponView> Coupons { get; set; } =
    [
        new("cp-1", "Double 11 platform coupon", 5_000, 30_000, null, T0.AddDays(10), CouponStatus.Available),
        new("cp-2", "Kiln & Co shop coupon", 2_000, 19_900, "m-kiln", T0.AddDays(10), CouponStatus.Available),
        new("cp-3", "Welcome coupon", 1_000, 0, null, T0.AddDays(-1), CouponStatus.Expired),
    ];

    public OrderView Order(string id) => _orders[id];

    public Task<CustomerView?> GetCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult<CustomerView?>(customerId switch
        {
            Vip => new CustomerView(Vip, "Li Wei", "vip", "zh", T0.AddYears(-3)),
            Regular => new CustomerView(Regular, "Sam Carter", "regular", "en", T0.AddYears(-1)),
            Lonely => new CustomerView(Lonely, "New Person", "new", "en", T0),
            _ => null,
        });

    public Task<IReadOnlyList<OrderView>> RecentOrdersAsync(string customerId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OrderView>>(_orders.Values.Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.PlacedAt).Take(limit).ToArray());

    public Task<OrderView?> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.GetValueOrDefault(orderId));

    public Task<IReadOnlyList<CouponView>> CouponsAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(customerId == Vip ? Coupons : (IReadOnlyList<CouponView>)[]);

    public Task<AddressChangeResult> ChangeAddressAsync(string orderId, AddressChange change, CancellationToken cancellationToken)
    {
        lock (_byRequest)
        {
            AddressCalls.Add((orderId, change));
            if (_byRequest.TryGetValue(change.RequestId, out var first))
            {
                return Task.FromResult((AddressChangeResult)first);
            }

            AddressChangeResult result;
            if (!_orders.TryGetValue(orderId, out var order) || order.CustomerId != change.CustomerId)
            {
                result = new AddressChangeResult(AddressChangeOutcome.NotFound, null);
            }
            else if (order.Status is not (OrderStatus.PendingPayment or OrderStatus.Paid))
            {
                result = new AddressChangeResult(AddressChangeOutcome.TooLate, order);
            }
            else
            {
                Add(order with { ShippingAddress = change.NewAddress });
                result = new AddressChangeResult(AddressChangeOutcome.Changed, _orders[orderId]);
            }

            _byRequest[change.RequestId] = result;
            return Task.FromResult(result);
        }
    }

    public Task<RefundRequestResult> RequestRefundAsync(string orderId, RefundRequest request, CancellationToken cancellationToken)
    {
        lock (_byRequest)
        {
            RefundCalls.Add((orderId, request));
            if (_byRequest.TryGetValue(request.RequestId, out var first))
            {
                return Task.FromResult((RefundRequestResult)first);
            }

            RefundRequestResult result;
            if (!_orders.TryGetValue(orderId, out var order) || order.CustomerId != request.CustomerId
                || request.Sku is not null && order.Items.All(i => i.Sku != request.Sku))
            {
                result = new RefundRequestResult(RefundRequestOutcome.NotFound, null);
            }
            else if (order.Status is OrderStatus.PendingPayment or OrderStatus.Cancelled)
            {
                result = new RefundRequestResult(RefundRequestOutcome.NotRefundable, null);
            }
            else if (order.Refunds.FirstOrDefault(r => r.Sku == request.Sku || r.Sku is null || request.Sku is null) is { } open)
            {
                result = new RefundRequestResult(RefundRequestOutcome.AlreadyRequested, open);
            }
            else
            {
                var item = order.Items.FirstOrDefault(i => i.Sku == request.Sku);
                var refund = new RefundView($"RF{++_refundSeq:0000}", orderId, request.Sku,
                    item is null ? order.TotalMinor : item.UnitPriceMinor * item.Quantity, request.Reason, RefundStatus.Requested, Now);
                Add(order with { Refunds = [.. order.Refunds, refund] });
                result = new RefundRequestResult(RefundRequestOutcome.Requested, refund);
            }

            _byRequest[request.RequestId] = result;
            return Task.FromResult(result);
        }
    }

    private void Add(OrderView order) => _orders[order.OrderId] = order;
}
