namespace CommerceBrain.Commerce.Contracts;

/// <summary>
/// An operator's or the merchant's decision on refund <paramref name="RefundId"/>: <paramref name="Approve"/> pays it
/// back, otherwise it is rejected. <paramref name="RequestId"/> makes a retried decision idempotent;
/// <paramref name="DecidedBy"/> is the deciding subject, kept for audit.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.refund-decision")]
public sealed record RefundDecision(
    [property: Id(0)] string RefundId,
    [property: Id(1)] bool Approve,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string RequestId,
    [property: Id(4)] string DecidedBy);
