namespace CommerceBrain.Coupons.Contracts;

/// <summary>How a claim ended.</summary>
public enum ClaimOutcome
{
    /// <summary>A new coupon; its ledger row is committed.</summary>
    Granted = 0,

    /// <summary>The idempotency key was seen before: the same coupon again.</summary>
    Repeated = 1,

    /// <summary>Refused for a <see cref="DenialReason"/>.</summary>
    Denied = 2,

    /// <summary>The shard is full or over the issuance ceiling: try again after a while.</summary>
    Busy = 3,

    /// <summary>
    /// The campaign is optimised and this silo's conversion model is not loaded yet (e.g. a freshly started silo of a
    /// cluster): nothing was granted; try again after <see cref="ClaimResult.RetryAfter"/>.
    /// </summary>
    Unavailable = 4,

    /// <summary>
    /// The idempotency key was used before for a different request (another channel): nothing was granted;
    /// <see cref="ClaimResult.Grant"/> is the coupon the key already holds.
    /// </summary>
    KeyReused = 5,
}
