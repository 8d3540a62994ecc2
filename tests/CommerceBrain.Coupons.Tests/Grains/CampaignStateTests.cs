using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Grains;

namespace CommerceBrain.Coupons.Tests.Grains;

public sealed class CampaignStateTests
{
    private static CampaignState Active(long budget, int shards = 4) =>
        new() { Spec = Campaign.With(budget: budget, shards: shards), Status = CampaignStatus.Active };

    [Fact]
    public void A_lease_gives_what_is_asked_while_the_budget_lasts()
    {
        var state = Active(1_000);

        Assert.Equal(300, state.Lease(0, 300));
        Assert.Equal(300, state.LeasedTo(0));
        Assert.Equal(700, state.Unleased);
    }

    [Fact]
    public void Leases_never_add_up_to_more_than_the_budget()
    {
        var state = Active(1_000);
        var random = new Random(7);
        long granted = 0;
        for (var i = 0; i < 500; i++)
        {
            granted += state.Lease(random.Next(4), random.Next(1, 200));
        }

        Assert.Equal(1_000, granted);
        Assert.Equal(1_000, state.TotalLeased);
        Assert.Equal(0, state.Lease(1, 1));
    }

    [Fact]
    public void The_last_lease_is_cut_to_what_is_left()
    {
        var state = Active(250);
        state.Lease(0, 200);

        Assert.Equal(50, state.Lease(1, 200));
    }

    [Theory]
    [InlineData(CampaignStatus.Paused)]
    [InlineData(CampaignStatus.Closed)]
    public void A_campaign_that_is_not_active_leases_nothing(CampaignStatus status)
    {
        var state = Active(1_000);
        state.Status = status;

        Assert.Equal(0, state.Lease(0, 100));
        Assert.Equal(0, state.TotalLeased);
    }

    [Fact]
    public void A_shard_outside_the_campaign_leases_nothing()
    {
        var state = Active(1_000, shards: 2);

        Assert.Equal(0, state.Lease(2, 100));
        Assert.Equal(0, state.Lease(-1, 100));
    }

    [Fact]
    public void Reconciling_raises_a_lease_to_what_the_ledger_shows_spent_and_never_lowers_one()
    {
        var state = Active(1_000);
        state.Lease(0, 100);
        state.Lease(1, 100);

        var raised = state.Reconcile([(0, 40), (1, 160)]);

        Assert.Equal(100, state.LeasedTo(0));
        Assert.Equal(160, state.LeasedTo(1));
        Assert.Equal([(1, 160L, 100L)], raised);
    }
}
