using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Grains;

namespace CommerceBrain.Coupons.Tests.Grains;

public sealed class CampaignDirectoryStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static CampaignListing Listing(string id, CampaignStatus status = CampaignStatus.Active, int startsInHours = -1, int endsInHours = 24) =>
        new(id, id, status, Now.AddHours(startsInHours), Now.AddHours(endsInHours), 100, 500);

    [Fact]
    public void Only_active_campaigns_inside_their_window_are_open_ending_soonest_first()
    {
        var state = new CampaignDirectoryState();
        state.Register(Listing("late", endsInHours: 48), Now);
        state.Register(Listing("soon", endsInHours: 2), Now);
        state.Register(Listing("paused", CampaignStatus.Paused), Now);
        state.Register(Listing("future", startsInHours: 1), Now);

        Assert.Equal(["soon", "late"], state.Open(Now).Select(c => c.CampaignId));
    }

    [Fact]
    public void Closed_and_ended_campaigns_are_forgotten()
    {
        var state = new CampaignDirectoryState();
        state.Register(Listing("ends", endsInHours: 1), Now);
        state.Register(Listing("closes"), Now);

        state.Register(Listing("closes", CampaignStatus.Closed), Now.AddHours(2));

        Assert.Empty(state.Campaigns);
    }

    [Fact]
    public void A_listing_shows_the_smallest_coupon()
    {
        var terms = new CampaignTerms("c1", Campaign.With(faceValues: [500, 200, 900]), CampaignStatus.Active);

        var listing = CampaignListing.Of(terms);

        Assert.Equal((200, 1_000), (listing.FaceValue, listing.MinSpend));
    }
}
