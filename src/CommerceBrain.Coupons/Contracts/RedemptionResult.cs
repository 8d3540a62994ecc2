namespace CommerceBrain.Coupons.Contracts;

/// <summary>The answer to a redemption: for <see cref="RedemptionOutcome.Redeemed"/> and
/// <see cref="RedemptionOutcome.Repeated"/> the <paramref name="Amount"/> taken off the order.</summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.redemption-result")]
public sealed record RedemptionResult(
    [property: Id(0)] RedemptionOutcome Outcome,
    [property: Id(1)] string CouponId,
    [property: Id(2)] string? OrderId,
    [property: Id(3)] long Amount,
    [property: Id(4)] DateTimeOffset? RedeemedAt,
    [property: Id(5)] long MinSpend)
{
    /// <summary>A refusal without an amount.</summary>
    public static RedemptionResult Refused(RedemptionOutcome outcome, string couponId, long minSpend = 0) =>
        new(outcome, couponId, null, 0, null, minSpend);
}
