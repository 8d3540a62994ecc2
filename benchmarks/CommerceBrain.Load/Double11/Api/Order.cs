namespace CommerceBrain.Load.Double11.Api;

/// <summary>An order as the commerce API returns it (<see cref="Status"/> is the enum name, e.g. <c>Delivered</c>).</summary>
public sealed record Order(string OrderId, string CustomerId, string MerchantId, string Status, IReadOnlyList<OrderItem> Items, long TotalMinor,
    IReadOnlyList<OrderRefund> Refunds)
{
    /// <summary>The status as order cards spell it: snake case (<c>PendingPayment</c> → <c>pending_payment</c>).</summary>
    public string CardStatus => Status == "PendingPayment" ? "pending_payment" : Status.ToLowerInvariant();
}
