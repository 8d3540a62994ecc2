namespace CommerceBrain.Coupons.Contracts;

/// <summary>A campaign with its status, creation time and figures.</summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.campaign-view")]
public sealed record CampaignView(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] CampaignSpec Spec,
    [property: Id(2)] CampaignStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] CampaignStats Stats);
