namespace CommerceBrain.Coupons.Contracts;

/// <summary>A claim's outcome: the grant (granted or repeated), the denial reason, or how long to wait when busy.</summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.claim-result")]
public sealed record ClaimResult(
    [property: Id(0)] ClaimOutcome Outcome,
    [property: Id(1)] CouponGrant? Grant,
    [property: Id(2)] DenialReason? Reason,
    [property: Id(3)] TimeSpan? RetryAfter)
{
    /// <summary>A new grant.</summary>
    public static ClaimResult Granted(CouponGrant grant) => new(ClaimOutcome.Granted, grant, null, null);

    /// <summary>The grant an earlier claim with the same key got.</summary>
    public static ClaimResult Repeated(CouponGrant grant) => new(ClaimOutcome.Repeated, grant, null, null);

    /// <summary>A denial.</summary>
    public static ClaimResult Denied(DenialReason reason) => new(ClaimOutcome.Denied, null, reason, null);

    /// <summary>Refused for now.</summary>
    public static ClaimResult Busy(TimeSpan retryAfter) => new(ClaimOutcome.Busy, null, null, retryAfter);

    /// <summary>The key already holds <paramref name="grant"/>, claimed with a different request.</summary>
    public static ClaimResult KeyReused(CouponGrant grant) => new(ClaimOutcome.KeyReused, grant, null, null);

    /// <summary>The tier optimiser is not ready on this silo; nothing was granted.</summary>
    public static ClaimResult Unavailable(TimeSpan retryAfter) => new(ClaimOutcome.Unavailable, null, null, retryAfter);
}
