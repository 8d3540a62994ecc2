namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// Told when a refund has been paid (a DI service; register any number). The order grain calls every listener after the
/// paid refund is committed, and again whenever the same approval is repeated. The paid refund is recorded as owed to the
/// listeners in the same transaction and marked delivered only once every listener succeeded; until then the order grain
/// retries (on activation and when the refund sweeper asks, with backoff). Delivery is at least once, so a listener must
/// be idempotent. A listener that throws is logged and retried; the refund stays paid.
/// </summary>
public interface IOrderRefundListener
{
    /// <summary>Reacts to a paid refund; called from the order grain's turn, so it should finish promptly.</summary>
    Task OnOrderRefundedAsync(OrderRefunded refunded, CancellationToken cancellationToken);
}
