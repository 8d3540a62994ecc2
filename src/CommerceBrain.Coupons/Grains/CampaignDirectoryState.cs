using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Grains;

/// <summary>The directory's durable list of campaigns that are not closed or over.</summary>
[GenerateSerializer]
[Alias("coupons.directory-state")]
public sealed class CampaignDirectoryState
{
    [Id(0)] public Dictionary<string, CampaignListing> Campaigns { get; set; } = [];

    /// <summary>Records <paramref name="listing"/>, dropping it (and any other) once closed or ended.</summary>
    public void Register(CampaignListing listing, DateTimeOffset now)
    {
        Campaigns[listing.CampaignId] = listing;
        foreach (var over in Campaigns.Values.Where(c => c.Status == CampaignStatus.Closed || c.EndsAt <= now).Select(c => c.CampaignId).ToList())
        {
            Campaigns.Remove(over);
        }
    }

    public IReadOnlyList<CampaignListing> Open(DateTimeOffset now) =>
        [.. Campaigns.Values.Where(c => c.IsOpenAt(now)).OrderBy(c => c.EndsAt).ThenBy(c => c.CampaignId, StringComparer.Ordinal)];
}
