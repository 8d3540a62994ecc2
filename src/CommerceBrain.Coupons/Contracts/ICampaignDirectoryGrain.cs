using Orleans.Concurrency;

namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// The campaigns customers can see (key <see cref="Key"/>): each campaign tells it when it is created and when its
/// status changes; it forgets closed and ended campaigns.
/// </summary>
[Alias("coupons.directory")]
public interface ICampaignDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The one directory's key.</summary>
    public const string Key = "all";

    /// <summary>Records a campaign's current listing.</summary>
    [Alias("register")]
    Task Register(CampaignListing listing);

    /// <summary>Campaigns open for claims now, ending soonest first.</summary>
    [ReadOnly]
    [Alias("open")]
    Task<IReadOnlyList<CampaignListing>> Open();
}
