using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Tests;

public sealed class CampaignEligibilityTests
{
    [Fact]
    public void Anyone_admits_every_segment() =>
        Assert.All(CustomerSegments.All, s => Assert.True(CampaignEligibility.Anyone.Admits(s)));

    [Fact]
    public void Segments_admit_only_their_members()
    {
        var vipOnly = new CampaignEligibility([CustomerSegments.Vip], false);

        Assert.True(vipOnly.Admits(CustomerSegments.Vip));
        Assert.False(vipOnly.Admits(CustomerSegments.Regular));
    }

    [Fact]
    public void New_customers_only_refuses_returning_customers()
    {
        var newOnly = new CampaignEligibility(null, true);

        Assert.True(newOnly.Admits(CustomerSegments.New));
        Assert.False(newOnly.Admits(CustomerSegments.Vip));
    }

    [Fact]
    public void Only_a_restricting_eligibility_needs_the_customers_segment()
    {
        Assert.False(CampaignEligibility.Anyone.Restricts);
        Assert.True(new CampaignEligibility([CustomerSegments.Vip], false).Restricts);
        Assert.True(new CampaignEligibility(null, true).Restricts);
    }
}
