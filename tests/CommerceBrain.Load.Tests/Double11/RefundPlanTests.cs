using CommerceBrain.Load.Double11;
using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Tests.Double11;

public sealed class RefundPlanTests
{
    private static Order OrderOf(string merchant, params OrderItem[] items) =>
        new("2026110200289", "c-00043", merchant, "Completed", items, items.Sum(i => i.UnitPriceMinor * i.Quantity), []);

    [Fact]
    public void The_catalog_keeps_each_shop_product_below_the_threshold_once_in_a_fixed_order()
    {
        var catalog = RefundCatalog.From(
        [
            OrderOf("m-002", new OrderItem("sku-b", "Tea", 3, 1_000), new OrderItem("sku-big", "TV", 1, 200_000)),
            OrderOf("m-001", new OrderItem("sku-a", "Mug", 1, 199_999), new OrderItem("sku-free", "Gift", 1, 0)),
            OrderOf("m-002", new OrderItem("sku-b", "Tea", 1, 1_000)),
        ], maxTotalMinor: 200_000);

        Assert.Equal([new CatalogProduct("m-001", "sku-a", 199_999), new CatalogProduct("m-002", "sku-b", 1_000)], catalog.Products);
        Assert.Contains(catalog.Pick(new Random(3)), catalog.Products);
    }

    [Fact]
    public void An_empty_catalog_cannot_be_picked_from()
    {
        var catalog = RefundCatalog.From([OrderOf("m-001", new OrderItem("sku-big", "TV", 1, 500_000))], maxTotalMinor: 200_000);
        Assert.Empty(catalog.Products);
        Assert.Throws<InvalidOperationException>(() => catalog.Pick(new Random(1)));
    }

    [Fact]
    public void A_placed_order_must_be_the_customers_paid_and_below_the_threshold()
    {
        var placed = new Order("2026113000001", "c-00042", "m-001", "Paid", [new("sku-a", "Mug", 1, 1_000)], 1_000, []);
        Assert.Null(RefundScenario.CheckPlaced(placed, "c-00042", 200_000));
        Assert.Equal("wrong_order", RefundScenario.CheckPlaced(placed, "c-00043", 200_000)!.StatusCode);
        Assert.Equal("not_paid", RefundScenario.CheckPlaced(placed with { Status = "PendingPayment" }, "c-00042", 200_000)!.StatusCode);
        Assert.Equal("high_value_order", RefundScenario.CheckPlaced(placed with { TotalMinor = 200_000 }, "c-00042", 200_000)!.StatusCode);
    }

    [Fact]
    public void Delivery_is_a_pickup_scan_naming_carrier_and_tracking_number_then_the_delivery_scan()
    {
        var scans = RefundScenario.Scans("2026113000001");
        Assert.Equal(2, scans.Count);
        Assert.False(scans[0].Delivered);
        Assert.Equal(RefundScenario.Carrier, scans[0].Carrier);
        Assert.Contains("2026113000001", scans[0].TrackingNumber, StringComparison.Ordinal);
        Assert.True(scans[^1].Delivered);
        Assert.All(scans, s => Assert.False(string.IsNullOrWhiteSpace(s.Location) || string.IsNullOrWhiteSpace(s.Description)));
    }

    [Fact]
    public void Verify_finds_a_journalled_order_only_on_the_customers_order()
    {
        var entry = new JournalEntry(JournalKinds.Order, "c-00042", DateTimeOffset.UnixEpoch, OrderId: "2026113000001", IdempotencyKey: "d11-x-o1");
        var order = new Order("2026113000001", "c-00042", "m-001", "Delivered", [new("sku-a", "Mug", 1, 1_000)], 1_000,
            [new OrderRefund("rf-2026113000001-1", null, 1_000, "Requested")]);
        Assert.Null(JournalVerifier.CheckOrder(entry, new SiloResult<Order>(order, Response.Ok(statusCode: "200"))));
        Assert.Contains("c-00007", JournalVerifier.CheckOrder(entry, new SiloResult<Order>(order with { CustomerId = "c-00007" }, Response.Ok(statusCode: "200"))));
        Assert.StartsWith("GET /api/orders/2026113000001: 404",
            JournalVerifier.CheckOrder(entry, new SiloResult<Order>(null, Response.Fail("404", "Not Found"))), StringComparison.Ordinal);

        var refund = new JournalEntry(JournalKinds.Refund, "c-00042", DateTimeOffset.UnixEpoch, OrderId: "2026113000001", RefundId: "rf-2026113000001-1");
        Assert.Null(JournalVerifier.CheckOrder(refund, new SiloResult<Order>(order, Response.Ok(statusCode: "200"))));
        Assert.Equal("the order has no such refund",
            JournalVerifier.CheckOrder(refund with { RefundId = "rf-2026113000001-2" }, new SiloResult<Order>(order, Response.Ok(statusCode: "200"))));
    }

    [Fact]
    public void A_faq_the_bot_hands_over_is_an_ok_handed_over_outcome_and_an_answer_keeps_its_kind()
    {
        var answered = FaqScenario.Outcome(new MessageAnswer(new BotReply("We ship in 48 h.", "answer", "faq", null, null), "active", 2, false, 2), 10);
        Assert.False(answered.IsError);
        Assert.Equal("answer", answered.StatusCode);

        var handoff = FaqScenario.Outcome(new MessageAnswer(new BotReply("Let me get a colleague.", "handoff", null, null, null), "waiting_for_agent", 2, false, 2), 10);
        Assert.False(handoff.IsError);
        Assert.Equal("handed_over", handoff.StatusCode);

        var waiting = FaqScenario.Outcome(new MessageAnswer(null, "waiting_for_agent", 2, false, 2), 10);
        Assert.False(waiting.IsError);
        Assert.Equal("handed_over", waiting.StatusCode);
    }

    [Fact]
    public void A_claims_ok_status_becomes_granted_granted_again_or_the_denial()
    {
        Assert.Equal("granted", CouponScenario.IterationStatus("201"));
        Assert.Equal("granted_again", CouponScenario.IterationStatus("200"));
        Assert.Equal("denied_budget_exhausted", CouponScenario.IterationStatus("denied_budget_exhausted"));
    }
}
