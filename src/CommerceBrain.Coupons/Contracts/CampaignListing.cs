namespace CommerceBrain.Coupons.Contracts;

/// <summary>A campaign as customers see it in the list of open campaigns: what its smallest coupon is worth and until when.</summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.campaign-listing")]
public sealed record CampaignListing(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string Name,
    [property: Id(2)] CampaignStatus Status,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] long FaceValue,
    [property: Id(6)] long MinSpend)
{
    /// <summary>Whether customers can claim at <paramref name="now"/> (budget aside).</summary>
    public bool IsOpenAt(DateTimeOffset now) => Status == CampaignStatus.Active && now >= StartsAt && now < EndsAt;

    /// <summary>The listing of a campaign in its current status.</summary>
    public static CampaignListing Of(CampaignTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var lowest = terms.Spec.Tiers.MinBy(t => t.FaceValue)!;
        return new(terms.CampaignId, terms.Spec.Name, terms.Status, terms.Spec.StartsAt, terms.Spec.EndsAt, lowest.FaceValue, lowest.MinSpend);
    }
}
