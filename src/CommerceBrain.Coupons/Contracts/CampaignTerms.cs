namespace CommerceBrain.Coupons.Contracts;

/// <summary>What a shard and a claimant need to know of their campaign: its spec and current status.</summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.campaign-terms")]
public sealed record CampaignTerms(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] CampaignSpec Spec,
    [property: Id(2)] CampaignStatus Status)
{
    /// <summary>Grows with every status change, so a shard never lets an older answer undo a newer pause.</summary>
    [Id(3)]
    public long Version { get; init; }

    /// <summary>Whether claims are granted at <paramref name="now"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => Status == CampaignStatus.Active && now >= Spec.StartsAt && now < Spec.EndsAt;
}
