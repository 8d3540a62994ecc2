namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// One customer in one campaign, keyed <c>campaign/customer</c>. Every claim of that customer for that campaign goes
/// through it, one at a time, so the per-user limit and the idempotency key hold exactly even when the customer claims
/// from several silos at once. It knows the customer's grants from the ledger.
/// </summary>
[Alias("coupons.claimant")]
public interface ICouponClaimantGrain : IGrainWithStringKey
{
    /// <summary>Claims a coupon under <paramref name="idempotencyKey"/>; a repeated key returns the first grant.</summary>
    [Alias("claim")]
    Task<ClaimResult> Claim(string idempotencyKey);

    /// <summary>
    /// Claims a coupon under <paramref name="idempotencyKey"/> from <paramref name="channel"/> (null: not said); a repeated
    /// key returns the first grant when the channel matches, <see cref="ClaimOutcome.KeyReused"/> when it does not.
    /// </summary>
    [Alias("claim-from")]
    Task<ClaimResult> ClaimFrom(string idempotencyKey, string? channel);

    /// <summary>The customer's grants in this campaign, oldest first.</summary>
    [Alias("grants")]
    Task<IReadOnlyList<CouponGrant>> Grants();
}
