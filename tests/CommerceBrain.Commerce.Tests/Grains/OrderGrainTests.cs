using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Commerce.Tests.Fixtures;

namespace CommerceBrain.Commerce.Tests.Grains;

/// <summary>The order grain as the single writer of its order, on the seeded marketplace.</summary>
[Collection(CommerceSiloCollection.Name)]
public sealed class OrderGrainTests(CommerceSiloFixture silo)
{
    [Fact]
    public async Task An_address_changes_before_shipment_and_a_retried_request_changes_nothing_more()
    {
        var (orderId, customerId) = await silo.TakeOrderAsync(OrderStatus.Paid);
        var grain = silo.Grains.GetGrain<IOrderGrain>(orderId);

        var changed = await grain.ChangeAddress(new AddressChange(customerId, "Room 1, 1 Renmin Road, Chengdu", "addr-a"));
        var retried = await grain.ChangeAddress(new AddressChange(customerId, "Somewhere else entirely", "addr-a"));

        Assert.Equal(AddressChangeOutcome.Changed, changed.Outcome);
        Assert.Equal(AddressChangeOutcome.Changed, retried.Outcome);
        Assert.Equal("Room 1, 1 Renmin Road, Chengdu", retried.Order!.ShippingAddress);
        Assert.Equal("Room 1, 1 Renmin Road, Chengdu", (await silo.Store.GetOrderAsync(orderId))!.ShippingAddress);
    }

    [Fact]
    public async Task A_shipped_order_keeps_its_address_and_another_customers_order_is_not_found()
    {
        var (shippedId, owner) = await silo.TakeOrderAsync(OrderStatus.Shipped);
        var (paidId, _) = await silo.TakeOrderAsync(OrderStatus.Paid);
        var before = (await silo.Store.GetOrderAsync(shippedId))!.ShippingAddress;

        var tooLate = await silo.Grains.GetGrain<IOrderGrain>(shippedId).ChangeAddress(new AddressChange(owner, "New place", "addr-b"));
        var foreign = await silo.Grains.GetGrain<IOrderGrain>(paidId).ChangeAddress(new AddressChange(WellKnownDemoData.Alice, "Mine now", "addr-c"));

        Assert.Equal(AddressChangeOutcome.TooLate, tooLate.Outcome);
        Assert.Equal(before, (await silo.Store.GetOrderAsync(shippedId))!.ShippingAddress);
        Assert.Equal(AddressChangeOutcome.NotFound, foreign.Outcome);
        Assert.Null(foreign.Order);
        Assert.NotEqual("Mine now", (await silo.Store.GetOrderAsync(paidId))!.ShippingAddress);
    }

    [Fact]
    public async Task A_refund_request_is_idempotent_by_request_id_and_a_second_open_request_is_refused()
    {
        var (orderId, customerId) = await silo.TakeOrderAsync(OrderStatus.Completed);
        while ((await silo.Store.GetOrderAsync(orderId))!.Refunds.Count > 0)
        {
            (orderId, customerId) = await silo.TakeOrderAsync(OrderStatus.Completed);
        }

        var grain = silo.Grains.GetGrain<IOrderGrain>(orderId);
        var order = (await grain.Get())!;
        var refundsBefore = order.Refunds.Count;
        var sku = order.Items[0].Sku;

        var first = await grain.RequestRefund(new RefundRequest(customerId, sku, "Wrong size", "refund-1"));
        var retried = await grain.RequestRefund(new RefundRequest(customerId, sku, "Wrong size", "refund-1"));
        var another = await grain.RequestRefund(new RefundRequest(customerId, sku, "Still wrong", "refund-2"));
        var wholeOrder = await grain.RequestRefund(new RefundRequest(customerId, null, "Everything", "refund-3"));

        Assert.Equal(RefundRequestOutcome.Requested, first.Outcome);
        Assert.Equal(RefundStatus.Requested, first.Refund!.Status);
        Assert.Equal(order.Items[0].UnitPriceMinor * order.Items[0].Quantity, first.Refund.AmountMinor);
        Assert.Equal(RefundRequestOutcome.Requested, retried.Outcome);
        Assert.Equal(first.Refund.RefundId, retried.Refund!.RefundId);
        Assert.Equal(RefundRequestOutcome.AlreadyRequested, another.Outcome);
        Assert.Equal(first.Refund.RefundId, another.Refund!.RefundId);
        Assert.Equal(RefundRequestOutcome.AlreadyRequested, wholeOrder.Outcome);
        Assert.Equal(refundsBefore + 1, (await silo.Store.GetOrderAsync(orderId))!.Refunds.Count);
    }

    [Fact]
    public async Task Refunds_are_refused_for_unpaid_orders_unknown_items_and_other_customers()
    {
        var (pendingId, pendingOwner) = await silo.TakeOrderAsync(OrderStatus.PendingPayment);
        var (deliveredId, deliveredOwner) = await silo.TakeOrderAsync(OrderStatus.Delivered);

        var unpaid = await silo.Grains.GetGrain<IOrderGrain>(pendingId).RequestRefund(new RefundRequest(pendingOwner, null, "x", "r-1"));
        var unknownItem = await silo.Grains.GetGrain<IOrderGrain>(deliveredId).RequestRefund(new RefundRequest(deliveredOwner, "sku-nope", "x", "r-2"));
        var foreign = await silo.Grains.GetGrain<IOrderGrain>(deliveredId).RequestRefund(new RefundRequest(WellKnownDemoData.Ben, null, "x", "r-3"));
        var unknownOrder = await silo.Grains.GetGrain<IOrderGrain>("2020010100001").RequestRefund(new RefundRequest(deliveredOwner, null, "x", "r-4"));

        Assert.Equal(RefundRequestOutcome.NotRefundable, unpaid.Outcome);
        Assert.Equal(RefundRequestOutcome.NotFound, unknownItem.Outcome);
        Assert.Equal(RefundRequestOutcome.NotFound, foreign.Outcome);
        Assert.Equal(RefundRequestOutcome.NotFound, unknownOrder.Outcome);
        Assert.Null(await silo.Store.FindRefundByRequestAsync(deliveredId, "r-3"));
    }

    [Fact]
    public async Task Shipment_events_move_a_paid_order_to_shipped_then_delivered_and_cancelled_orders_refuse_them()
    {
        var (paidId, _) = await silo.TakeOrderAsync(OrderStatus.Paid);
        var (cancelledId, _) = await silo.TakeOrderAsync(OrderStatus.Cancelled);
        var grain = silo.Grains.GetGrain<IOrderGrain>(paidId);

        var noCarrier = await grain.AddShipmentEvent(new ShipmentEvent(null, null, "Hangzhou", "Picked up", false, null));
        var picked = await grain.AddShipmentEvent(new ShipmentEvent("ZTO Express", "ZT123456789012", "Hangzhou", "Picked up", false, null));
        var delivered = await grain.AddShipmentEvent(new ShipmentEvent(null, null, "Shanghai", "Delivered, signed for by recipient", true, null));
        var refused = await silo.Grains.GetGrain<IOrderGrain>(cancelledId).AddShipmentEvent(new ShipmentEvent("SF Express", "SF1", "x", "y", false, null));

        Assert.Equal(ShipmentEventOutcome.CarrierRequired, noCarrier.Outcome);
        Assert.Equal(OrderStatus.Shipped, picked.Order!.Status);
        Assert.Equal("ZT123456789012", picked.Order.Shipment!.TrackingNumber);
        Assert.Equal(OrderStatus.Delivered, delivered.Order!.Status);
        Assert.Equal(["Picked up", "Delivered, signed for by recipient"], delivered.Order.Shipment!.Events.Select(e => e.Description));
        Assert.Equal(ShipmentEventOutcome.NotShippable, refused.Outcome);
        Assert.Equal(OrderStatus.Delivered, (await silo.Store.GetOrderAsync(paidId))!.Status);
    }

    [Fact]
    public async Task A_customer_grain_lists_orders_newest_first_and_coupons_available_first()
    {
        var customer = silo.Grains.GetGrain<ICustomerGrain>(WellKnownDemoData.Alice);

        var profile = await customer.Get();
        var recent = await customer.RecentOrders(3);
        var coupons = await customer.Coupons();

        Assert.Equal("Alice Chen", profile!.DisplayName);
        Assert.Equal("vip", profile.Segment);
        Assert.Equal([WellKnownDemoData.AlicePendingOrder, WellKnownDemoData.AlicePaidOrder, WellKnownDemoData.AliceShippedOrder], recent.Select(o => o.OrderId));
        Assert.Equal(CouponStatus.Available, coupons[0].Status);
        Assert.Null(await silo.Grains.GetGrain<ICustomerGrain>("c-99999").Get());
        Assert.Equal("Lumi Electronics", (await silo.Grains.GetGrain<IMerchantGrain>("m-001").Get())!.Name);
    }
}
