namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// A customer's refund (return) request for one item (<paramref name="Sku"/>) or the whole order (null).
/// <paramref name="RequestId"/> makes it idempotent.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.refund-request")]
public sealed record RefundRequest(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string? Sku,
    [property: Id(2)] string Reason,
    [property: Id(3)] string RequestId);
