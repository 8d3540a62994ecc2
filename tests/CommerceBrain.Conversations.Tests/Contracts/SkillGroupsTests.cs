using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Tests.Contracts;

public sealed class SkillGroupsTests
{
    private static HandoffPacket Packet(string[] intents, string[]? orders = null, string? segment = null) => new(
        "s", "c", null, segment, null, "web", "customer_request", "summary", intents, new Dictionary<string, string>(), orders ?? [],
        0, 0, [], "en", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(new[] { "human_agent" }, SkillGroups.PreSales)]
    [InlineData(new[] { "product_question", "human_agent" }, SkillGroups.PreSales)]
    [InlineData(new[] { "order_status", "human_agent" }, SkillGroups.AfterSales)]
    [InlineData(new[] { "request_refund" }, SkillGroups.AfterSales)]
    [InlineData(new[] { "order_status", "complaint" }, SkillGroups.Disputes)]
    [InlineData(new[] { "double_charged" }, SkillGroups.Disputes)]
    public void A_packet_routes_to_the_group_of_its_intents(string[] intents, string group) =>
        Assert.Equal(group, SkillGroups.For(Packet(intents)));

    [Fact]
    public void A_session_that_touched_an_order_goes_to_after_sales() =>
        Assert.Equal(SkillGroups.AfterSales, SkillGroups.For(Packet(["human_agent"], ["2026111000001"])));

    [Fact]
    public void A_merchant_goes_to_merchant_support_whatever_the_intent() =>
        Assert.Equal(SkillGroups.MerchantSupport, SkillGroups.For(Packet(["complaint"], segment: "merchant")));
}
