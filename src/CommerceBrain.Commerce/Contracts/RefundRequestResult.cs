namespace CommerceBrain.Commerce.Contracts;

/// <summary>The outcome of a refund request and the refund it concerns (null when not found or not refundable).</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.refund-request-result")]
public sealed record RefundRequestResult(
    [property: Id(0)] RefundRequestOutcome Outcome,
    [property: Id(1)] RefundView? Refund);
