namespace CommerceBrain.Commerce.Contracts;

/// <summary>The outcome of a <see cref="RefundDecision"/>, the refund it concerns and the order after it (null when not found).</summary>
[GenerateSerializer]
[Immutable]
[Alias("commerce.refund-decision-result")]
public sealed record RefundDecisionResult(
    [property: Id(0)] RefundDecisionOutcome Outcome,
    [property: Id(1)] RefundView? Refund,
    [property: Id(2)] OrderView? Order);
