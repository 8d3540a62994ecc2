namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// One shard's figures: grants and amount (rebuilt from the ledger), budget leased to it, denials by reason (since the
/// shard's activation) and grants per second over the last few seconds.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.shard-stats")]
public sealed record ShardStats(
    [property: Id(0)] long GrantedCount,
    [property: Id(1)] long GrantedAmount,
    [property: Id(2)] long Leased,
    [property: Id(3)] IReadOnlyDictionary<DenialReason, long> Denials,
    [property: Id(4)] double RatePerSecond);
