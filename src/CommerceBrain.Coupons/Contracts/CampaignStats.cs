namespace CommerceBrain.Coupons.Contracts;

/// <summary>A campaign's figures, summed over its shards. <paramref name="Remaining"/> is budget minus granted amount.</summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.campaign-stats")]
public sealed record CampaignStats(
    [property: Id(0)] long GrantedCount,
    [property: Id(1)] long GrantedAmount,
    [property: Id(2)] long Remaining,
    [property: Id(3)] long Leased,
    [property: Id(4)] IReadOnlyDictionary<DenialReason, long> Denials,
    [property: Id(5)] double RatePerSecond);
