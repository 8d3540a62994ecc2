namespace CommerceBrain.Commerce.Api;

/// <summary>
/// Body of <c>POST /api/orders</c>. <paramref name="Status"/> is <c>paid</c> (default) or <c>pendingPayment</c>; a merchant
/// may leave out <paramref name="MerchantId"/> (its own shop is meant).
/// </summary>
public sealed record CreateOrderRequest(
    string? CustomerId,
    string? MerchantId,
    IReadOnlyList<CreateOrderLine?>? Lines,
    string? ShippingAddress,
    string? Status);
