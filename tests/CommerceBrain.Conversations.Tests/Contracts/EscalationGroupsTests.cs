using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Tests.Contracts;

public sealed class EscalationGroupsTests
{
    private static HandoffPacket Packet(string[] intents, string[]? orders = null, string? segment = null) => new(
        "s", "c", null, segment, null, "web", "customer_request", "summary", intents, new Dictionary<string, string>(), orders ?? [],
        0, 0, [], "en", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(new[] { "human_agent" }, EscalationGroups.PreSales)]
    [InlineData(new[] { "product_question", "human_agent" }, EscalationGroups.PreSales)]
    [InlineData(new[] { "order_status", "human_agent" }, EscalationGroups.AfterSales)]
    [InlineData(new[] { "request_refund" }, EscalationGroups.AfterSales)]
    [InlineData(new[] { "order_status", "complaint" }, EscalationGroups.Disputes)]
    [InlineData(new[] { "double_charged" }, EscalationGroups.Disputes)]
    public void A_packet_routes_to_the_group_of_its_intents(string[] intents, string group) =>
        Assert.Equal(group, EscalationGroups.For(Packet(intents)));

    [Fact]
    public void A_session_that_touched_an_order_goes_to_after_sales() =>
        Assert.Equal(EscalationGroups.AfterSales, EscalationGroups.For(Packet(["human_agent"], ["2026111000001"])));

    [Fact]
    public void A_merchant_goes_to_merchant_support_whatever_the_intent() =>
        Assert.Equal(EscalationGroups.MerchantSupport, EscalationGroups.For(Packet(["complaint"], segment: "merchant")));
}
