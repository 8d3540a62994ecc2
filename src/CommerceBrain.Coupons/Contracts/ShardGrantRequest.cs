namespace CommerceBrain.Coupons.Contracts;

/// <summary>A claimant's request to a shard: grant tier <paramref name="Tier"/> to the customer under the key.</summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.shard-grant-request")]
public sealed record ShardGrantRequest(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string IdempotencyKey,
    [property: Id(2)] int Tier,
    [property: Id(3)] string? Channel = null);
