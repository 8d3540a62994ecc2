using Orleans.Concurrency;

namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// One order, keyed by order id: the single writer of that order's rows (address, shipment events, refunds), so
/// concurrent requests on one order are serialised. Every change is committed to the commerce tables before it returns.
/// </summary>
[Alias("commerce.order")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>The order; null when unknown.</summary>
    [ReadOnly]
    [Alias("get")]
    Task<OrderView?> Get();

    /// <summary>Changes the delivery address, only before shipment and only for the order's own customer.</summary>
    [Alias("change-address")]
    Task<AddressChangeResult> ChangeAddress(AddressChange change);

    /// <summary>Records a refund request for an item or the whole order.</summary>
    [Alias("request-refund")]
    Task<RefundRequestResult> RequestRefund(RefundRequest request);

    /// <summary>
    /// Approves (pays back) or rejects a refund, committed before it returns. When every item (or the whole order) is
    /// refunded and paid, the order becomes <see cref="OrderStatus.Refunded"/> in the same transaction. After an approval
    /// is committed, and again when it is repeated, every <see cref="IOrderRefundListener"/> is called.
    /// </summary>
    [Alias("decide-refund")]
    Task<RefundDecisionResult> DecideRefund(RefundDecision decision);

    /// <summary>
    /// Tells the refund listeners about this order's paid refunds whose delivery is owed and due: cut off by a crash after
    /// the payment committed, or failed earlier and now past its retry delay. Returns how many of those are still owed
    /// (a listener failed again). The refund sweeper calls it; the grain also does it once on activation.
    /// </summary>
    [Alias("deliver-owed-refunds")]
    Task<int> DeliverOwedRefunds();

    /// <summary>
    /// Creates this order (the grain's key is the new order id) from <paramref name="spec"/>, pricing the lines from the
    /// merchant's catalogue. Refuses with <see cref="OrderCreationOutcome.IdTaken"/> when the id already exists.
    /// </summary>
    [Alias("create")]
    Task<OrderCreation> Create(OrderSpec spec);

    /// <summary>Records a carrier scan: the first one moves Paid → Shipped, a delivery scan → Delivered.</summary>
    [Alias("add-shipment-event")]
    Task<ShipmentEventResult> AddShipmentEvent(ShipmentEvent shipmentEvent);
}
